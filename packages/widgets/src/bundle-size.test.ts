// The widgets chunk is loaded on demand by the SDK, on pages that are not ours: its size is a
// budget checked on every run, measured as shipped (minified by the root vite.config.ts
// `widgets` mode) and gzipped at level 9. `npm test` builds before the suites run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const CHUNK = resolve(import.meta.dirname, '../dist/cairn-widgets.js');
const BUDGET_GZIP = 16 * 1024;

describe('widgets chunk', () => {
  it(`is at most ${BUDGET_GZIP} bytes minified and gzipped`, () => {
    if (!existsSync(CHUNK)) {
      throw new Error(`Failed to measure the widgets chunk: ${CHUNK} is missing. Please run \`npm run build\` (or \`npx vite build --mode widgets\`) first.`);
    }
    const code = readFileSync(CHUNK);
    const gzip = gzipSync(code, { level: 9 }).length;
    process.stdout.write(`[cairn] widgets chunk: ${code.length} bytes minified, ${gzip} bytes gzip\n`);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it('is self-contained ESM exporting createWidgets', () => {
    const code = readFileSync(CHUNK, 'utf8');
    expect(code).toMatch(/export\s*\{[^}]*\bcreateWidgets\b[^}]*\}/);
    expect(code).not.toMatch(/^\s*import\s/m);
  });
});

describe('widgets source', () => {
  it('never renders HTML from strings (preact escapes text; these would bypass it)', () => {
    const dir = resolve(import.meta.dirname);
    const sources = readdirSync(dir).filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$|test-support/.test(name));
    expect(sources.length).toBeGreaterThan(10);
    for (const name of sources) {
      expect(readFileSync(resolve(dir, name), 'utf8'), name).not.toMatch(/dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});
