import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { errorBody } from './api-error.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Answers a file under `dir` (or `index.html` for a directory path), with an ETag and the
 * given Cache-Control; 404 JSON when it is missing (e.g. not built yet).
 */
export async function serveFile(c: Context, dir: string, path: string, cacheControl = 'no-cache'): Promise<Response> {
  const root = resolve(dir);
  try {
    let file = resolve(join(root, decodeURIComponent(path)));
    if (file !== root && !file.startsWith(root + sep)) throw new Error('outside the served folder');
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file);
    }
    const etag = `"${createHash('sha1').update(`${info.size}:${info.mtimeMs}`).digest('base64url').slice(0, 16)}"`;
    const headers = { ETag: etag, 'Cache-Control': cacheControl, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(await readFile(file)), 200, headers);
  } catch {
    return c.json(errorBody('not_found', `Failed to find ${c.req.path}: the file does not exist. Please run "npm run build" first.`), 404);
  }
}
