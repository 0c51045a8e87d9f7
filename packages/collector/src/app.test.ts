import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/database.ts';
import { backends } from './test-support/databases.ts';
import { testApp } from './test-support/test-app.ts';

describe.each(backends())('app on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => db.close());

  it('reports health with the store kind', async () => {
    const res = await testApp(db).request('/health');
    expect(await res.json()).toEqual({ ok: true, db: backend.name });
  });

  it('serves the built SDK, widgets, demo and dashboard from the repository root', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cairn-static-'));
    for (const dir of ['packages/sdk/dist', 'packages/widgets/dist', 'demo/dist/assets', 'packages/dashboard/dist']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'packages/sdk/dist/cairn.js'), 'window.cairn=1');
    writeFileSync(join(root, 'packages/widgets/dist/cairn-widgets.js'), 'export{}');
    writeFileSync(join(root, 'demo/dist/index.html'), '<h1>demo</h1>');
    writeFileSync(join(root, 'demo/dist/assets/app-abc123.js'), 'x');
    writeFileSync(join(root, 'packages/dashboard/dist/index.html'), '<h1>dash</h1>');
    writeFileSync(join(root, 'secret.txt'), 'no');
    const app = testApp(db, { rootDir: root });

    const sdk = await app.request('/cairn.js');
    expect(sdk.status).toBe(200);
    expect(sdk.headers.get('content-type')).toContain('javascript');
    expect(sdk.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = sdk.headers.get('etag')!;
    expect((await app.request('/cairn.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await app.request('/cairn-widgets.js')).status).toBe(200);
    expect(await (await app.request('/demo/')).text()).toBe('<h1>demo</h1>');
    expect((await app.request('/demo/assets/app-abc123.js')).headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/demo/index.html')).headers.get('cache-control')).toBe('no-cache');
    expect(await (await app.request('/dashboard/')).text()).toBe('<h1>dash</h1>');
    expect((await app.request('/demo/..%2F..%2Fsecret.txt')).status).toBe(404);
    expect((await app.request('/demo/%E0%A4%A')).status).toBe(404);
  });

  it('answers 404 JSON for files not built and unknown paths', async () => {
    const app = testApp(db, { rootDir: mkdtempSync(join(tmpdir(), 'cairn-empty-')) });
    for (const path of ['/cairn.js', '/demo/', '/dashboard/app.js', '/nope']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});
