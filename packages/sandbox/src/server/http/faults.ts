import type { ServerResponse } from 'node:http';
import { sendJson } from './responses';
import type { SandboxFault } from './route';

/** Faults queued by `POST /_sandbox/faults` for the next matching `/v1` requests. */
export function createFaults() {
  const faults: SandboxFault[] = [];
  return {
    add(fault: SandboxFault) {
      if (!fault.path || !Number.isInteger(fault.count) || fault.count < 1) {
        throw new Error('A fault needs a `path` prefix and a positive integer `count`.');
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

/** Waits, drops the connection or answers with the fault's status; true when the request is done. */
export async function applyFault(
  fault: SandboxFault,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<boolean> {
  if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
  if (fault.drop) {
    response.socket?.destroy();
    return true;
  }
  if (!fault.status) return false;
  const type =
    fault.status === 429
      ? 'invalid_request_error'
      : fault.status >= 500
        ? 'api_error'
        : fault.status === 402
          ? 'card_error'
          : 'invalid_request_error';
  const code =
    fault.status === 429 ? 'rate_limit' : fault.status === 402 ? 'card_declined' : undefined;
  sendJson(
    response,
    fault.status,
    {
      error: {
        type,
        message: `Injected sandbox fault (${fault.status}).`,
        ...(code ? { code } : {}),
      },
    },
    headers,
  );
  return true;
}
