import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { defaultRootDir } from '../app.ts';
import { backends } from '../test-support/databases.ts';
import { cliPath, spawnCollector, type CollectorProcess } from '../test-support/spawn-collector.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

/** The repo's demo workspace (its experiences shape the data) with a rate limit that does not slow the test down. */
function configFile(): string {
  const repo = JSON.parse(readFileSync(resolve(defaultRootDir, 'cairn.config.json'), 'utf8')) as { workspaces: Array<Record<string, unknown>> };
  const demo = { ...repo.workspaces.find((w) => w.id === 'demo'), rateLimit: { eventsPerSecond: 1e6, burst: 1e6 } };
  const file = join(tempDir('cairn-seed-config-'), 'cairn.config.json');
  writeFileSync(file, JSON.stringify({ workspaces: [demo] }));
  return file;
}

async function waitForOutput(collector: CollectorProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(collector.output());
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`Failed to see ${pattern} in the collector output within ${timeoutMs} ms:\n${collector.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function storedCount(url: string): Promise<number> {
  let count = 0;
  let after = 0;
  for (;;) {
    const res = await fetch(`${url}/v1/events?limit=10000&after=${after}`, { headers: { authorization: 'Bearer sk_demo' } });
    const page = (await res.json()) as { events: unknown[]; next: number | null };
    count += page.events.length;
    if (page.next === null) return count;
    after = page.next;
  }
}

describe.each(backends())('demo seeding by the built CLI on $name', (backend) => {
  it('seeds an empty demo workspace on the first --seed-demo start only; "seed" again stores nothing twice', { timeout: 300_000 }, async () => {
    const config = configFile();
    let args = ['--config', config, '--seed-demo'];
    let env: Record<string, string> = {};
    if (backend.freshUrl) env = { DATABASE_URL: await backend.freshUrl() };
    else {
      const data = join(tempDir('cairn-seed-data-'), 'data');
      cpSync(inject('pgliteSeedDir'), data, { recursive: true });
      args = [...args, '--data', data];
    }

    const first = await spawnCollector(args, env);
    try {
      const [, events] = await waitForOutput(first, /seeded workspace "demo": 200 accounts, \d+ users, (\d+) events \((\d+) new, 0 already there, 0 rejected\)/, 240_000);
      expect(await storedCount(first.url)).toBe(Number(events));
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    }

    const second = await spawnCollector(args, env);
    try {
      await waitForOutput(second, /workspace "demo" already has events: not seeding demo data/, 60_000);
      const run = promisify(execFile);
      const { stdout } = await run(process.execPath, [cliPath, 'seed', '--url', second.url, '--config', config], { env: { ...process.env, ...env }, timeout: 240_000 });
      expect(stdout).toMatch(/seeded workspace "demo": 200 accounts, \d+ users, (\d+) events \(0 new, \1 already there, 0 rejected\)/);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });
});
