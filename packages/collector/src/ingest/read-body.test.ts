import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBody } from './read-body.ts';

const request = (body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string> = {}) => new Request('http://x/', { method: 'POST', body, headers });

describe('readBody', () => {
  it('returns plain and gzip bodies', async () => {
    expect((await readBody(request('hello'), 100)).toString()).toBe('hello');
    // Without Content-Encoding the bytes are the body, even when they happen to be gzip.
    expect(await readBody(request(new Uint8Array(gzipSync('hello'))), 100)).toEqual(gzipSync('hello'));
    const gz = await readBody(request(new Uint8Array(gzipSync('hello')), { 'content-encoding': 'gzip' }), 100);
    expect(gz.toString()).toBe('hello');
  });

  it('applies the limit to the decompressed size, without inflating a bomb', async () => {
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(16 * 1024 * 1024)));
    const before = process.memoryUsage().arrayBuffers;
    await expect(readBody(request(bomb, { 'content-encoding': 'gzip' }), 500 * 1024)).rejects.toMatchObject({ status: 413, code: 'payload_too_large' });
    // The 16 MB of output were never held at once: stopping at 500 KB keeps buffers far below it.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * 1024 * 1024);
    await expect(readBody(request(new Uint8Array(gzipSync('x'.repeat(101))), { 'content-encoding': 'gzip' }), 100)).rejects.toMatchObject({ status: 413 });
    await expect(readBody(request(new Uint8Array(gzipSync('x'.repeat(100))), { 'content-encoding': 'gzip' }), 100)).resolves.toHaveLength(100);
  });

  it('rejects an oversize plain body and unknown encodings', async () => {
    await expect(readBody(request('x'.repeat(101)), 100)).rejects.toMatchObject({ status: 413 });
    await expect(readBody(request('x', { 'content-encoding': 'br' }), 100)).rejects.toMatchObject({ status: 415, code: 'unsupported_encoding' });
    await expect(readBody(request('not gzip', { 'content-encoding': 'gzip' }), 100)).rejects.toMatchObject({ status: 400, code: 'invalid_encoding' });
  });

  it('reads the Node request stream when given, with the same limit and decoding', async () => {
    const stream = (...chunks: Array<Buffer | string>) => {
      const incoming = new PassThrough();
      for (const chunk of chunks) incoming.write(chunk);
      incoming.end();
      return incoming;
    };
    // The web request's body is empty: the bytes can only come from the Node stream.
    const headersOnly = (headers: Record<string, string> = {}) => new Request('http://x/', { method: 'POST', headers });
    expect((await readBody(headersOnly(), 100, stream('hel', 'lo'))).toString()).toBe('hello');
    expect((await readBody(headersOnly({ 'content-encoding': 'gzip' }), 100, stream(gzipSync('hello')))).toString()).toBe('hello');
    const oversize = stream('x'.repeat(60), 'x'.repeat(41));
    await expect(readBody(headersOnly(), 100, oversize)).rejects.toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(oversize.destroyed).toBe(true);
    await expect(readBody(headersOnly({ 'content-encoding': 'gzip' }), 100, stream(gzipSync('x'.repeat(101))))).rejects.toMatchObject({ status: 413 });
    const aborted = new PassThrough();
    aborted.write('partial');
    setImmediate(() => aborted.destroy());
    await expect(readBody(headersOnly(), 100, aborted)).rejects.toThrow(/prematurely closed/);
  });
});
