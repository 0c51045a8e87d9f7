import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.ts';
import { sleep, waitFor } from './wait-for.ts';

/** Repository root, from this file's place in test/harness/. */
export const repoRoot = resolve(import.meta.dirname, '..', '..');

const cli = join(repoRoot, 'packages/collector/dist/cli.js');

/** Keys of the workspace the test pages send to (written into the temp config). */
export const workspace = { id: 'e2e', writeKey: 'wk_e2e_test', secretKey: 'sk_e2e_test' } as const;

/** The demo app's public example keys (demo/index.html sends with `wk_demo`), also in the temp config. */
export const demoWorkspace = { id: 'demo', writeKey: 'wk_demo', secretKey: 'sk_demo' } as const;

/** A further workspace of the temp config; other fields (e.g. `experiences`) are copied as they are. */
export interface ExtraWorkspace {
  id: string;
  name: string;
  writeKey: string;
  secretKey: string;
  [field: string]: unknown;
}

/** What to add to the temp config (the `e2e` and `demo` workspaces are always there). */
export interface CollectorOptions {
  /** Fields merged into the demo workspace, e.g. the `experiences` of the repo's cairn.config.json. */
  demo?: Record<string, unknown>;
  workspaces?: readonly ExtraWorkspace[];
}

/** A running (or stopped) collector child process with its own port, data dir and config. */
export interface CollectorProcess {
  /** `http://127.0.0.1:<port>`; stays the same across stop/start. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly running: boolean;
  /** How the last run ended (`code` 0 after a graceful SIGTERM), or undefined while the first one runs. */
  readonly lastExit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** Everything the process printed, for the test report. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Starts again on the same port with the same data dir; resolves once `/health` answers 200. */
  start(): Promise<void>;
  /** Stops the process and deletes the temp dir. */
  dispose(): Promise<void>;
}

/**
 * Starts the real built collector (`packages/collector/dist/cli.js`) on a free port with a temp
 * data dir and a temp config (plus what `options` adds), and resolves once `GET /health` answers 200.
 */
export async function startCollector(options: CollectorOptions = {}): Promise<CollectorProcess> {
  if (!existsSync(cli)) throw new Error(`Failed to start the collector: ${cli} does not exist. Please run "node scripts/build.mjs" first.`);
  const dir = await mkdtemp(join(tmpdir(), 'cairn-e2e-'));
  const dataDir = join(dir, 'data');
  const configPath = join(dir, 'cairn.config.json');
  const config = {
    workspaces: [
      { ...workspace, name: 'End-to-end tests' },
      { ...demoWorkspace, name: 'Demo app', ...options.demo },
      ...(options.workspaces ?? []),
    ].map(({ id, name, writeKey, secretKey, ...rest }) => ({
      ...rest,
      id,
      name,
      writeKeys: [{ key: writeKey, allowedOrigins: ['*'] }],
      secretKeys: [secretKey],
      rateLimit: { eventsPerSecond: 100_000, burst: 100_000 },
    })),
  };
  await writeFile(configPath, JSON.stringify(config, null, 2));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let lastExit: CollectorProcess['lastExit'];

  const start = async () => {
    if (child) return;
    const spawned = spawn(process.execPath, [cli, '--port', String(port), '--host', '127.0.0.1', '--config', configPath, '--data', dataDir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: '' },
    });
    child = spawned;
    // If the test runner dies without teardown, do not leave a collector (and its PGlite) behind.
    const killOnExit = () => spawned.kill('SIGKILL');
    process.once('exit', killOnExit);
    spawned.once('exit', () => process.off('exit', killOnExit));
    const append = (chunk: Buffer) => (log += chunk.toString());
    spawned.stdout?.on('data', append);
    spawned.stderr?.on('data', append);
    exited = new Promise((done) =>
      spawned.once('exit', (code, signal) => {
        log += `\n[harness] collector exited (code ${code}, signal ${signal})\n`;
        lastExit = { code, signal };
        if (child === spawned) child = undefined;
        done();
      }),
    );
    await waitFor(
      `the collector on ${url} to answer /health`,
      async () => {
        if (child !== spawned) throw new Error(`the process exited:\n${log}`);
        const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
        return response.status === 200 ? true : undefined;
      },
      { timeout: 60_000, interval: 100 },
    ).catch(async (error: Error) => {
      await stop();
      throw new Error(`${error.message}\n${log}`);
    });
  };

  const stop = async (graceMs = 5_000) => {
    const current = child;
    if (!current) return;
    current.kill('SIGTERM');
    const killed = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
    if (killed) {
      log += `\n[harness] no exit ${graceMs} ms after SIGTERM: sending SIGKILL\n`;
      current.kill('SIGKILL');
      await exited;
    }
  };

  await start();
  return {
    url,
    port,
    dataDir,
    get running() {
      return child !== undefined;
    },
    get lastExit() {
      return lastExit;
    },
    output: () => log,
    stop,
    start,
    async dispose() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
