import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The built CLI (`node scripts/build.mjs`, run by `npm test` before the suites). */
export const cliPath = resolve(import.meta.dirname, '../../dist/cli.js');

/** A collector process under test. */
export interface CollectorProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Starts `node dist/cli.js` on a free port and waits for its "listening on" line. */
export function spawnCollector(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<CollectorProcess> {
  if (!existsSync(cliPath)) throw new Error(`Failed to start the collector: ${cliPath} is missing. Please run "node scripts/build.mjs" first.`);
  const child = spawn(process.execPath, [cliPath, '--port', '0', ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | string>((done) => child.once('exit', (code, signal) => done(code ?? signal ?? -1)));
  return new Promise((resolvePromise, rejectPromise) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectPromise(new Error(`collector did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ url: match[1]!, child, output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      rejectPromise(new Error(`collector exited (${code}) before listening:\n${output}`));
    });
  });
}
