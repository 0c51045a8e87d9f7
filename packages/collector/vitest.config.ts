import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Starts a private PostgreSQL 15 cluster once; every store-touching test runs on PGlite and on it.
    globalSetup: ['src/test-support/global-setup.ts'],
    // Process-level tests (spawn, SIGKILL, restart on PGlite) took 28 s on a loaded 2-core box; a hang still fails.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Two shared cores: PGlite instances are heavy (0.4-0.8 GB, ~2 s start), so keep file parallelism low.
    maxWorkers: 2,
  },
});
