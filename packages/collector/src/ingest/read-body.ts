import type { Readable } from 'node:stream';
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
 * Reads at most `limit` bytes straight from the Node request stream: under load this costs a
 * fraction of building the web `Request` and its `ReadableStream` around it. Over the limit the
 * stream is destroyed, as cancelling the web stream adapter would.
 */
function readNodeLimited(incoming: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        done();
        incoming.destroy();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onClose = () => {
      done();
      reject(new Error('Client connection prematurely closed.'));
    };
    incoming.on('data', onData);
    incoming.once('end', onEnd);
    incoming.once('error', onError);
    incoming.once('close', onClose);
  });
}

/**
 * Reads a request body with `Content-Encoding` identity, gzip or deflate, applying `limit`
 * to the decoded size. Inflation stops at `limit + 1` bytes (zlib's `maxOutputLength`), so
 * a decompression bomb costs at most `limit` of memory and a few milliseconds. `incoming`, the
 * Node request behind `request` when served by @hono/node-server, is read directly when given.
 */
export async function readBody(request: Request, limit: number, incoming?: Readable): Promise<Buffer> {
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  const declared = Number(request.headers.get('content-length'));
  if (encoding !== 'identity' && encoding !== '' && encoding !== 'gzip' && encoding !== 'x-gzip' && encoding !== 'deflate') {
    throw apiError(415, 'unsupported_encoding', `Failed to read the request: Content-Encoding "${encoding.slice(0, 40)}" is not supported. Please send gzip, deflate or no encoding.`);
  }
  // A compressed body is never larger than what it inflates to (for real payloads), so the limit also bounds it.
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  // The Node stream is used only while untouched: once anything read it, the web body is the source.
  const raw = incoming && !incoming.readableDidRead && !request.bodyUsed ? await readNodeLimited(incoming, limit) : await readLimited(request.body, limit);
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
