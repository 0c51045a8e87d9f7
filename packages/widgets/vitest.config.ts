// Two projects: the widgets in real Chromium (vitest browser mode), and the size budget in
// Node, which reads the built chunk (`npm test` builds before it runs the suites).
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { launchOptions } from '../../scripts/chromium.mjs';

export default defineConfig({
  // The same JSX settings vite reads from tsconfig.json (jsxImportSource: preact), spelled
  // out so the transform never falls back to oxc's React default.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  optimizeDeps: { include: ['preact', 'preact/hooks', 'preact/jsx-runtime', '@preact/signals', 'axe-core'] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/bundle-size.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions }),
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1280, height: 800 },
          },
        },
      },
      { extends: true, test: { name: 'node', include: ['src/bundle-size.test.ts'], environment: 'node' } },
    ],
  },
});
