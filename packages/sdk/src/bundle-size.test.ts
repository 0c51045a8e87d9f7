import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';

/** gzip -9 bytes of a built file, or a clear failure when the build has not run. */
function gzipBytes(name: string): number {
  const file = resolve(import.meta.dirname, '../dist', name);
  if (!existsSync(file)) {
    throw new Error(`Failed to measure the bundle: packages/sdk/dist/${name} is missing. Please run \`npm run build\` first.`);
  }
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

// The script-tag bundle is on every page of the vendor's app: 6 KB gzip is the hard budget.
// Milestones, targeting and checklist state live in the lazy engine chunk below, not here.
test('the script-tag bundle dist/cairn.js stays within 6 KB minified + gzip', () => {
  const size = gzipBytes('cairn.js');
  expect(size, `cairn.js is ${size} bytes gzip`).toBeLessThanOrEqual(6144);
});

// Loaded only on pages whose config has experiences; measured 8.4 KB, including the
// config validator shared with the collector. 10 KB leaves room without inviting growth.
test('the experiences engine dist/cairn-experiences.js stays within 10 KB minified + gzip', () => {
  const size = gzipBytes('cairn-experiences.js');
  expect(size, `cairn-experiences.js is ${size} bytes gzip`).toBeLessThanOrEqual(10240);
});
