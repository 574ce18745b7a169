import type { ServerResponse } from 'node:http';
import { sendJson } from './responses';
import type { SandboxFault } from './route';

const phases = ['before-execution', 'after-execution'];

/** Faults queued by `POST /_sandbox/faults` for the next matching `/v1` requests. */
export function createFaults() {
  const faults: SandboxFault[] = [];
  return {
    add(fault: SandboxFault) {
      if (!fault.path || !Number.isInteger(fault.count) || fault.count < 1) {
        throw new Error('A fault needs a `path` prefix and a positive integer `count`.');
      }
      if (fault.phase !== undefined && !phases.includes(fault.phase)) {
        throw new Error(
          `A fault's \`phase\` is 'before-execution' (default) or 'after-execution', not '${String(fault.phase)}'.`,
        );
      }
      faults.push({ ...fault, method: fault.method?.toUpperCase() });
    },
    get pending() {
      return faults.length;
    },
    clear() {
      faults.length = 0;
    },
    /** The next fault for this request, counted down (and dropped at zero). */
    take(method: string, pathname: string) {
      const index = faults.findIndex(
        (fault) => (!fault.method || fault.method === method) && pathname.startsWith(fault.path),
      );
      if (index === -1) return undefined;
      const fault = faults[index] as SandboxFault;
      fault.count -= 1;
      if (fault.count <= 0) faults.splice(index, 1);
      return fault;
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;

/** The error envelope an injected status answers with, in Stripe's shape for that status. */
export function faultBody(status: number) {
  const type =
    status === 429
      ? 'invalid_request_error'
      : status >= 500
        ? 'api_error'
        : status === 402
          ? 'card_error'
          : 'invalid_request_error';
  const code = status === 429 ? 'rate_limit' : status === 402 ? 'card_declined' : undefined;
  return {
    error: { type, message: `Injected sandbox fault (${status}).`, ...(code ? { code } : {}) },
  };
}

export function faultLatency(fault: SandboxFault) {
  return fault.latencyMs
    ? new Promise((resolve) => setTimeout(resolve, fault.latencyMs))
    : Promise.resolve();
}

/** Waits, drops the connection or answers with the fault's status; true when the request is done. */
export async function applyFault(
  fault: SandboxFault,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<boolean> {
  await faultLatency(fault);
  if (fault.drop) {
    response.socket?.destroy();
    return true;
  }
  if (!fault.status) return false;
  sendJson(response, fault.status, faultBody(fault.status), headers);
  return true;
}
