import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Hono, type Context } from 'hono';
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

/** Cache-Control of the script-tag files: their URLs are stable, so a short cache. */
export const SCRIPT_CACHE = 'public, max-age=300';
/** Cache-Control of vite's content-hashed assets: a new build gets new names. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/**
 * The dashboard's Content-Security-Policy: its own scripts and styles only, no plugins, no
 * `<base>` rewriting, never framed (it shows customer data behind a secret key).
 */
export const DASHBOARD_CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Headers of the script files, which vendors' pages on other origins load. The core is a
 * classic script, but the chunks it loads with `import()` are module requests, which the
 * browser makes in CORS mode: without `Access-Control-Allow-Origin` the import fails. The
 * files are public and sent without credentials, so `*` is safe; CORP lets pages that set
 * `Cross-Origin-Embedder-Policy` load them too.
 */
export const SCRIPT_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** Where `path` under `dir` leads: a file, nothing (missing), or nowhere allowed (outside, undecodable). */
async function locate(dir: string, path: string): Promise<{ file: string; size: number; mtimeMs: number } | 'missing' | 'invalid'> {
  const root = resolve(dir);
  let file: string;
  try {
    file = resolve(join(root, decodeURIComponent(path)));
  } catch {
    return 'invalid';
  }
  if (file !== root && !file.startsWith(root + sep)) return 'invalid';
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file);
    }
    return { file, size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return 'missing';
  }
}

const notFound = (c: Context, headers: Record<string, string> = {}) =>
  c.json(errorBody('not_found', `Failed to find ${c.req.path}: the file does not exist. Please run "npm run build" first.`), 404, headers);

/** Answers a located file with an ETag (size and mtime), 304 on a match. */
async function answer(c: Context, found: { file: string; size: number; mtimeMs: number }, headers: Record<string, string>): Promise<Response> {
  const etag = `"${createHash('sha1').update(`${found.size}:${found.mtimeMs}`).digest('base64url').slice(0, 16)}"`;
  const all = { ...headers, ETag: etag, 'Content-Type': TYPES[extname(found.file)] ?? 'application/octet-stream' };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, all);
  return c.body(new Uint8Array(await readFile(found.file)), 200, all);
}

/**
 * Answers a file under `dir` (or `index.html` for a directory path), with an ETag and the
 * given Cache-Control; 404 JSON when it is missing (e.g. not built yet).
 */
export async function serveFile(c: Context, dir: string, path: string, cacheControl = 'no-cache', headers: Record<string, string> = {}): Promise<Response> {
  const found = await locate(dir, path);
  if (typeof found === 'string') return notFound(c, headers);
  return answer(c, found, { ...headers, 'Cache-Control': cacheControl });
}

/**
 * Serves a single-page app built by vite into `dir`: files as they are (`assets/*` are
 * content-hashed, so immutable; the rest `no-cache`), and for a path with no file extension
 * that is not a file, the app's `index.html`, so a reload of a deep link such as
 * `/demo/projects/website-relaunch` reaches the app's router instead of a 404.
 */
export async function serveApp(c: Context, dir: string, path: string, headers: Record<string, string> = {}): Promise<Response> {
  let found = await locate(dir, path);
  if (found === 'missing' && extname(path) === '') found = await locate(dir, 'index.html');
  if (typeof found === 'string') return notFound(c, headers);
  const hashed = path.startsWith('assets/') && found.file.startsWith(resolve(dir, 'assets') + sep);
  return answer(c, found, { ...headers, 'Cache-Control': hashed ? IMMUTABLE_CACHE : 'no-cache' });
}

/**
 * The built browser files under `rootDir` (the repository root): the SDK (`/cairn.js`) and
 * its lazily loaded experiences engine (`/cairn-experiences.js`), the widgets chunk, and the
 * demo and dashboard apps under `/demo/` and `/dashboard/` (the dashboard with a strict CSP).
 *
 * @example app.route('/', createStaticRoutes(rootDir));
 */
export function createStaticRoutes(rootDir: string): Hono {
  const routes = new Hono();
  const scripts = [
    ['packages/sdk/dist', 'cairn.js'],
    ['packages/sdk/dist', 'cairn-experiences.js'],
    ['packages/widgets/dist', 'cairn-widgets.js'],
  ] as const;
  for (const [dir, name] of scripts) {
    for (const file of [name, `${name}.map`]) routes.get(`/${file}`, (c) => serveFile(c, resolve(rootDir, dir), file, SCRIPT_CACHE, SCRIPT_HEADERS));
  }
  const apps = [
    ['/demo', 'demo/dist', {}],
    ['/dashboard', 'packages/dashboard/dist', { 'Content-Security-Policy': DASHBOARD_CSP }],
  ] as const;
  for (const [prefix, dir, headers] of apps) {
    routes.get(prefix, (c) => c.redirect(`${prefix}/`, 301));
    routes.get(`${prefix}/*`, (c) => serveApp(c, resolve(rootDir, dir), c.req.path.slice(prefix.length + 1), headers));
  }
  return routes;
}
