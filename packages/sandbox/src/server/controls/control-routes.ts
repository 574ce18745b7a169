import { invalidRequest } from '../http/errors';
import { controlRoute, type FaultPhase, type Route } from '../http/route';

/** The sandbox's own controls (`/_sandbox/*`, never `/v1`): time, faults, state and webhook delivery. */
export const controlRoutes: Route[] = [
  controlRoute('GET', '/_sandbox/clock', ({ engine }) => ({ now: engine.now() })),
  controlRoute('POST', '/_sandbox/clock/advance', async ({ controls, body, engine }) => {
    const seconds = Number(body.seconds);
    if (!Number.isFinite(seconds) || seconds < 0)
      throw invalidRequest('`seconds` must be a non-negative number.', { param: 'seconds' });
    await controls.advanceClock(seconds);
    return { now: engine.now() };
  }),
  controlRoute('POST', '/_sandbox/faults', ({ controls, body }) => {
    try {
      controls.injectFault({
        method: typeof body.method === 'string' ? body.method : undefined,
        path: String(body.path ?? ''),
        count: Number(body.count ?? 1),
        status: body.status === undefined ? undefined : Number(body.status),
        latencyMs: body.latencyMs === undefined ? undefined : Number(body.latencyMs),
        drop: body.drop === true,
        phase: body.phase === undefined ? undefined : (String(body.phase) as FaultPhase),
      });
    } catch (error) {
      const message = (error as Error).message;
      throw invalidRequest(message, { param: message.includes('phase') ? 'phase' : 'path' });
    }
    return { ok: true, pending: controls.pendingFaults() };
  }),
  controlRoute('POST', '/_sandbox/reset', async ({ controls }) => {
    await controls.reset();
    return { ok: true };
  }),
  controlRoute('GET', '/_sandbox/state', ({ controls }) => controls.snapshot()),
  controlRoute('PUT', '/_sandbox/state', async ({ controls, body }) => {
    await controls.restore(body);
    return { ok: true };
  }),
  controlRoute('POST', '/_sandbox/webhooks/flush', async ({ controls }) => {
    await controls.flushWebhooks();
    return { ok: true };
  }),
];
