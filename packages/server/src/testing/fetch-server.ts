// A minimal standards server for tests: Node's own `Request`/`Response` over `node:http`, the way
// Next.js, @hono/node-server or Bun hand a request to a fetch handler.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

function toRequest(incoming: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
    headers.append(incoming.rawHeaders[index]!, incoming.rawHeaders[index + 1]!);
  }
  const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
  return new Request(new URL(incoming.url ?? '/', origin), {
    method: incoming.method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    // Node's fetch needs this to stream a request body.
    duplex: 'half',
  } as RequestInit);
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  outgoing.writeHead(response.status, headers);
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      outgoing.write(chunk);
    }
  }
  outgoing.end();
}

/** Serves `handler` on a loopback port. */
export function serveFetch(handler: (request: Request) => Promise<Response>): Server {
  return createServer((incoming, outgoing) => {
    const origin = `http://${incoming.headers.host ?? '127.0.0.1'}`;
    let request: Request;
    try {
      request = toRequest(incoming, origin);
    } catch {
      // A request line Node accepted but WHATWG URL refuses: as a platform would, answer 400.
      outgoing.writeHead(400).end();
      return;
    }
    handler(request)
      .then((response) => writeResponse(response, outgoing))
      .catch((error: unknown) => {
        outgoing.writeHead(500).end(String(error));
      });
  });
}
