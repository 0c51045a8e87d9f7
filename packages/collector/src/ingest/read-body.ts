import { promisify } from 'node:util';
import { gunzip, inflate } from 'node:zlib';
import { apiError } from '../api-error.ts';

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

const tooLarge = (limit: number) =>
  apiError(413, 'payload_too_large', `Failed to read the request: the body is larger than ${limit / 1024} KB (after decompression). Please send smaller batches.`);

/** Reads at most `limit` bytes of a stream; throws 413 as soon as it holds more. */
async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Reads a request body with `Content-Encoding` identity, gzip or deflate, applying `limit`
 * to the decoded size. Inflation stops at `limit + 1` bytes (zlib's `maxOutputLength`), so
 * a decompression bomb costs at most `limit` of memory and a few milliseconds.
 */
export async function readBody(request: Request, limit: number): Promise<Buffer> {
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  const declared = Number(request.headers.get('content-length'));
  if (encoding !== 'identity' && encoding !== '' && encoding !== 'gzip' && encoding !== 'x-gzip' && encoding !== 'deflate') {
    throw apiError(415, 'unsupported_encoding', `Failed to read the request: Content-Encoding "${encoding.slice(0, 40)}" is not supported. Please send gzip, deflate or no encoding.`);
  }
  // A compressed body is never larger than what it inflates to (for real payloads), so the limit also bounds it.
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const raw = await readLimited(request.body, limit);
  if (encoding === 'identity' || encoding === '') return raw;
  try {
    const options = { maxOutputLength: limit + 1 };
    const decoded = encoding === 'deflate' ? await inflateAsync(raw, options) : await gunzipAsync(raw, options);
    if (decoded.byteLength > limit) throw tooLarge(limit);
    return decoded;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit);
    if ((error as { status?: number }).status === 413) throw error;
    throw apiError(400, 'invalid_encoding', `Failed to read the request: the body is not valid ${encoding} data (${(error as Error).message}). Please compress the body as Content-Encoding says.`);
  }
}
