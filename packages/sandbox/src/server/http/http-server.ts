import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Engine } from '../core/engine';
import { routeTable } from '../route-table';
import { handleApiRequest } from './api-requests';
import { createFaults } from './faults';
import { createIdempotency } from './idempotency';
import { corsHeaders, sendJson } from './responses';
import type { Controls } from './route';
import { handleSandboxRequest } from './sandbox-requests';

export interface SandboxServer {
  server: Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** The controls the HTTP server adds itself: faults live with the requests they break. */
export type StateControls = Omit<Controls, 'injectFault' | 'pendingFaults'>;

/** The HTTP front: every request is answered from the one route table (`route-table.ts`). */
export function createSandboxServer(
  getEngine: () => Engine,
  stateControls: StateControls,
): SandboxServer & { controls: Controls } {
  const faults = createFaults();
  const idempotency = createIdempotency();
  const sockets = new Set<Socket>();
  const controls: Controls = {
    ...stateControls,
    injectFault: (fault) => faults.add(fault),
    pendingFaults: () => faults.pending,
    // A reset also forgets pending faults, so one chaos test cannot leak into the next.
    async reset() {
      faults.clear();
      await stateControls.reset();
    },
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sandbox.local');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, corsHeaders);
      response.end();
      return;
    }
    if (url.pathname.startsWith('/v1/')) {
      void handleApiRequest(getEngine(), routeTable, request, response, url, {
        faults,
        idempotency,
      });
    } else if (url.pathname.startsWith('/_sandbox/')) {
      void handleSandboxRequest(getEngine(), routeTable, controls, request, response, url);
    } else {
      sendJson(
        response,
        404,
        {
          error: {
            type: 'invalid_request_error',
            message: `Unrecognized request URL (${request.method}: ${url.pathname}).`,
          },
        },
        corsHeaders,
      );
    }
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    server,
    controls,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
