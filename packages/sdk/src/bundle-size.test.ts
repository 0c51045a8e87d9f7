import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';

// The script-tag bundle is on every page of the vendor's app: 6 KB gzip is the hard budget,
// and issue 3 (milestones, targeting) still has to fit in it.
const BUDGET = 6144;
const file = resolve(import.meta.dirname, '../dist/cairn.js');

test('the script-tag bundle dist/cairn.js stays within 6 KB minified + gzip', () => {
  if (!existsSync(file)) {
    throw new Error('Failed to measure the bundle: packages/sdk/dist/cairn.js is missing. Please run `npm run build` first.');
  }
  const size = gzipSync(readFileSync(file), { level: 9 }).length;
  expect(size, `cairn.js is ${size} bytes gzip`).toBeLessThanOrEqual(BUDGET);
});
