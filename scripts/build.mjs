// `npm run build`: every artefact the collector serves or a user installs.
// One vite build per entry because IIFE/UMD lib builds take a single entry (TOOLCHAIN.md).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Build modes of the root vite.config.ts, in order; a mode is skipped until its entry exists. */
const modes = [
  ['sdk-iife', 'packages/sdk/src/script-tag.ts'],
  ['sdk-esm', 'packages/sdk/src/index.ts'],
  ['sdk-experiences', 'packages/sdk/src/experiences/index.ts'],
  ['widgets', 'packages/widgets/src/index.ts'],
  ['dashboard', 'packages/dashboard/index.html'],
  ['demo', 'demo/index.html'],
  ['collector', 'packages/collector/src/cli.ts'],
];

function run(label, args) {
  const { status } = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    process.stderr.write(`[cairn] Failed to build ${label}. Please read the output above.\n`);
    process.exit(1);
  }
}

for (const [mode, entry] of modes) {
  if (!existsSync(resolve(root, entry))) continue;
  run(mode, ['vite', 'build', '--mode', mode, '--logLevel', 'warn']);
}
// Type declarations for bundler users of the ESM build.
run('sdk types', ['tsc', '-p', 'packages/sdk/tsconfig.build.json']);
