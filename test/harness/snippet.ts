import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './collector-process.ts';

/** Init options a fixture page passes to `cairn.init()` (a subset of the SDK's InitOptions). */
export type InitOptions = { writeKey: string; host?: string; flushInterval?: number; flushAt?: number; retryBaseMs?: number; retryMaxMs?: number };

const snippetPath = join(repoRoot, 'packages/sdk/snippet.html');
const initCall = 'c.init({writeKey:"__WRITE_KEY__"})';

/**
 * The SDK's published snippet (`packages/sdk/snippet.html`) for a page: the script loads from
 * `scriptHost` and the queued `init` gets `options`. Read from the file every time so the tests
 * exercise exactly what vendors copy.
 */
export function snippetFor(scriptHost: string, options: InitOptions): string {
  const text = readFileSync(snippetPath, 'utf8');
  if (!text.includes('__HOST__') || !text.includes(initCall)) {
    throw new Error(`Failed to fill in the snippet: ${snippetPath} no longer has "__HOST__" and ${initCall}. Please update test/harness/snippet.ts.`);
  }
  // Inline JSON in a <script>: escape "<" so no value can close the element.
  const json = JSON.stringify(options).replace(/</g, '\\u003c');
  return text.replace('__HOST__', scriptHost.replace(/\/+$/, '')).replace(initCall, `c.init(${json})`);
}
