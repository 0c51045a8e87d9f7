// `npm test`: lint, type-check, build, every package's vitest suite, then the end-to-end
// Playwright suite. Each runner writes JSON; the totals end in the plain closing line
// "N passed, N failed" that CI reads. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, options = {}) {
  process.stdout.write(`\n── ${label}: ${command} ${args.join(' ')}\n`);
  const child = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options, env: { ...process.env, ...options.env } });
  return child.status === 0;
}

/** A step that is one check: lint, type-check, build. */
function check(label, command, args, options) {
  if (run(label, command, args, options)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

const packages = readdirSync(join(root, 'packages')).filter((name) => existsSync(join(root, 'packages', name, 'tsconfig.json')));
const only = process.argv.slice(2); // `npm test -- collector sdk` runs just those suites

if (only.length === 0) {
  check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
  for (const name of packages) check(`typecheck ${name}`, 'npx', ['tsc', '-p', `packages/${name}`]);
  if (existsSync(join(root, 'test/tsconfig.json'))) check('typecheck test', 'npx', ['tsc', '-p', 'test']);
  check('build', 'node', ['scripts/build.mjs']);
}

for (const name of packages) {
  if (only.length && !only.includes(name)) continue;
  const dir = join(root, 'packages', name);
  if (!existsSync(join(dir, 'vitest.config.ts'))) continue;
  const out = join(results, `${name}.json`);
  const ok = run(`vitest ${name}`, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], { cwd: dir });
  if (!existsSync(out)) {
    totals.failed += 1;
    failures.push(`vitest ${name} (no report)`);
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  if (!ok && report.numFailedTests === 0) {
    // A failed suite file (import error, unhandled rejection) fails the run with no failed test.
    totals.failed += 1;
    failures.push(`vitest ${name} (suite error)`);
  } else if (report.numFailedTests > 0) failures.push(`vitest ${name}`);
}

if ((only.length === 0 || only.includes('e2e')) && existsSync(join(root, 'test/playwright.config.ts'))) {
  const out = join(results, 'e2e.json');
  const ok = run('playwright e2e', 'npx', ['playwright', 'test', '-c', 'test/playwright.config.ts', '--reporter=list,json'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  });
  if (existsSync(out)) {
    const { stats } = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
    if (stats.unexpected > 0) failures.push('playwright e2e');
    else if (!ok) {
      totals.failed += 1;
      failures.push('playwright e2e (run error)');
    }
  } else {
    totals.failed += 1;
    failures.push('playwright e2e (no report)');
  }
}

if (failures.length) process.stdout.write(`\nFailed: ${failures.join('; ')}\n`);
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(totals.failed === 0 ? 0 : 1);
