// A loopback proxy in front of the sandbox that counts the Stripe writes passing through it, so tests
// can prove a request caused none. It forwards everything unchanged (no mocking).
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RequestCounter {
  port: number;
  /** Writes (`POST`/`DELETE` under /v1) seen so far, as "METHOD /path". */
  writes: string[];
  /** Every /v1 request, reads included, as "METHOD /path". */
  requests: string[];
  /** /v1 requests made on a connected account's behalf, as "METHOD /path acct_…" (`Stripe-Account`). */
  onBehalfOf: string[];
  stop(): Promise<void>;
}

export async function startRequestCounter(target: {
  host: string;
  port: number;
}): Promise<RequestCounter> {
  const writes: string[] = [];
  const requests: string[] = [];
  const onBehalfOf: string[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    const line = `${incoming.method} ${path.split('?')[0]}`;
    if (path.startsWith('/v1/')) requests.push(line);
    if (incoming.method !== 'GET' && path.startsWith('/v1/')) writes.push(line);
    const account = incoming.headers['stripe-account'];
    if (typeof account === 'string' && path.startsWith('/v1/'))
      onBehalfOf.push(`${line} ${account}`);
    const upstream = forward(
      {
        host: target.host,
        port: target.port,
        method: incoming.method,
        path,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    writes,
    requests,
    onBehalfOf,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
