// End-to-end suite: the real built collector (a child process per test) and the real SDK bundle
// in Debian's Chromium. Build first: `node scripts/build.mjs` (npm test does).
import { defineConfig } from '@playwright/test';
import { launchOptions } from '../scripts/chromium.mjs';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../.test-results/e2e-artifacts',
  // The collector embeds PGlite (≈0.5 GB peak each) and the machine has two cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalTimeout: 6 * 60_000,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions,
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
  },
});
