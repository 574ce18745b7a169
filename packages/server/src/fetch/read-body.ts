import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { mediaType } from '../http/csrf';
import { HttpError } from '../http/errors';

const tooLarge = (limit: number) =>
  new HttpError('payload_too_large', `The request body is larger than ${limit} bytes.`);

/** The body's bytes, refusing more than `limit` without reading the rest. */
export async function readBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limit) throw tooLarge(limit);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError('invalid_body', 'The request body could not be read.');
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Buffer, encoding: string, limit: number): Buffer {
  const options = { maxOutputLength: limit + 1 };
  try {
    switch (encoding) {
      case '':
      case 'identity':
        return bytes;
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(bytes, options);
      case 'deflate':
        return inflateSync(bytes, options);
      case 'br':
        return brotliDecompressSync(bytes, options);
      default:
        break;
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit);
    throw new HttpError('invalid_body', 'The request body could not be decompressed.');
  }
  throw new HttpError('invalid_body', 'The request body could not be read.');
}

/**
 * The JSON body, read with the rules Express's `express.json({ strict: true })` applies, so both
 * adapters answer the same: only `application/json` is parsed (other types leave no body), UTF-8
 * only, gzip/deflate/br inflated within the limit, an empty body is `{}`, and the top level must be
 * an object or array.
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  if (!request.body) return undefined;
  const contentType = request.headers.get('Content-Type') ?? undefined;
  if (mediaType(contentType) !== 'application/json') return undefined;
  const charset = /;\s*charset=("?)([^";]+)\1/i.exec(contentType ?? '')?.[2]?.toLowerCase();
  const encoding = (request.headers.get('Content-Encoding') ?? '').trim().toLowerCase();
  if (
    encoding !== '' &&
    encoding !== 'identity' &&
    !['gzip', 'x-gzip', 'deflate', 'br'].includes(encoding)
  ) {
    throw new HttpError('invalid_body', 'The request body could not be read.');
  }
  const bytes = decode(await readBytes(request, limit), encoding, limit);
  if (bytes.length > limit) throw tooLarge(limit);
  if (charset !== undefined && !charset.startsWith('utf-')) {
    throw new HttpError('invalid_body', 'The request body could not be read.');
  }
  if (bytes.length === 0) return {};
  const text = bytes.toString('utf8');
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') {
    throw new HttpError('invalid_json', 'The request body is not valid JSON.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError('invalid_json', 'The request body is not valid JSON.');
  }
}
