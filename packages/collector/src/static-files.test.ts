import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_CSP, IMMUTABLE_CACHE, SCRIPT_CACHE, createStaticRoutes } from './static-files.ts';

/** A fake repository root with built files. */
function buildRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cairn-static-files-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('static routes', () => {
  let routes: ReturnType<typeof createStaticRoutes>;
  beforeAll(() => {
    routes = createStaticRoutes(
      buildRoot({
        'packages/sdk/dist/cairn.js': 'window.cairn=1',
        'packages/sdk/dist/cairn-experiences.js': 'export const engine=1',
        'packages/sdk/dist/cairn-experiences.js.map': '{"version":3}',
        'packages/widgets/dist/cairn-widgets.js': 'export{}',
        'demo/dist/index.html': '<h1>demo</h1>',
        'demo/dist/assets/index-abc123.js': 'demo()',
        'demo/dist/favicon.svg': '<svg/>',
        'packages/dashboard/dist/index.html': '<h1>dash</h1>',
        'packages/dashboard/dist/assets/index-def456.css': 'body{}',
        'secret.txt': 'no',
      }),
    );
  });

  it('serves the SDK experiences engine chunk and its map like /cairn.js', async () => {
    for (const path of ['/cairn.js', '/cairn-experiences.js']) {
      const res = await routes.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe(SCRIPT_CACHE);
      const etag = res.headers.get('etag')!;
      expect((await routes.request(path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    }
    expect(await (await routes.request('/cairn-experiences.js')).text()).toBe('export const engine=1');
    const map = await routes.request('/cairn-experiences.js.map');
    expect(map.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await map.text()).toBe('{"version":3}');
  });

  it('lets pages on other origins import the script chunks (CORS, CORP), but not the apps', async () => {
    for (const path of ['/cairn.js', '/cairn-experiences.js', '/cairn-experiences.js.map', '/cairn-widgets.js']) {
      const res = await routes.request(path, { headers: { origin: 'https://vendor.example' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
    }
    expect((await routes.request('/dashboard/')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await routes.request('/demo/')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a deep link of the demo or the dashboard with the app index.html (SPA fallback)', async () => {
    for (const path of ['/demo/projects/website-relaunch', '/demo/team', '/demo/projects/']) {
      const res = await routes.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe('<h1>demo</h1>');
    }
    const dash = await routes.request('/dashboard/accounts/acme');
    expect(await dash.text()).toBe('<h1>dash</h1>');
  });

  it('keeps 404 for missing files with an extension, and for paths outside the app or undecodable', async () => {
    for (const path of ['/demo/assets/gone-000000.js', '/demo/missing.png', '/dashboard/app.js', '/demo/..%2F..%2Fsecret.txt', '/demo/..%2F..%2Fsecret', '/demo/%E0%A4%A']) {
      const res = await routes.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('caches hashed assets for a year and immutable, index.html and other files no-cache', async () => {
    expect((await routes.request('/demo/assets/index-abc123.js')).headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
    expect((await routes.request('/dashboard/assets/index-def456.css')).headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
    expect(IMMUTABLE_CACHE).toBe('public, max-age=31536000, immutable');
    for (const path of ['/demo/', '/demo/index.html', '/dashboard/', '/demo/favicon.svg']) {
      expect((await routes.request(path)).headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('sends the dashboard with a strict Content-Security-Policy, and the demo without it', async () => {
    expect(DASHBOARD_CSP).toBe("default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    for (const path of ['/dashboard/', '/dashboard/accounts/acme', '/dashboard/assets/index-def456.css']) {
      expect((await routes.request(path)).headers.get('content-security-policy'), path).toBe(DASHBOARD_CSP);
    }
    const revalidated = await routes.request('/dashboard/', { headers: { 'if-none-match': (await routes.request('/dashboard/')).headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect((await routes.request('/demo/')).headers.get('content-security-policy')).toBeNull();
  });

  it('redirects the bare app paths to their folder', async () => {
    const res = await routes.request('/dashboard');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/dashboard/');
  });

  it('answers 404 for an app that is not built, deep links included', async () => {
    const empty = createStaticRoutes(buildRoot({}));
    for (const path of ['/demo/', '/demo/projects/x', '/cairn-experiences.js']) expect((await empty.request(path)).status, path).toBe(404);
  });
});
