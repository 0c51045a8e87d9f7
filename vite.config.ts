// Browser and Node builds, one per `--mode` (IIFE lib builds take a single entry):
//   sdk-iife   packages/sdk/dist/cairn.js            script-tag bundle (core, no UI)
//   sdk-esm    packages/sdk/dist/index.js            ESM for bundler users
//   sdk-experiences packages/sdk/dist/cairn-experiences.js  lazy engine: milestones, targeting, checklist state
//   widgets    packages/widgets/dist/cairn-widgets.js lazy UI chunk, loaded by the core
//   dashboard  packages/dashboard/dist/               CSM page served at /dashboard/
//   demo       demo/dist/                             sample SaaS app served at /demo/
//   collector  packages/collector/dist/cli.js         Node service (protocol inlined)
// `node scripts/build.mjs` runs them all.
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

const at = (path: string) => resolve(import.meta.dirname, path);

const browserLib = (entry: string, outDir: string, fileName: string, format: 'iife' | 'es', name?: string): UserConfig => ({
  publicDir: false,
  build: {
    outDir: at(outDir),
    emptyOutDir: false,
    target: 'es2020',
    minify: true,
    sourcemap: true,
    lib: { entry: at(entry), formats: [format], fileName: () => fileName, ...(name ? { name } : {}) },
    // Vite 8 keeps whitespace in ES library builds; full minification cut the widgets chunk 15.4 → 13.8 KB gzip.
    rolldownOptions: { output: { minify: { codegen: { removeWhitespace: true } }, comments: { annotation: false } } },
  },
});

const configs: Record<string, () => UserConfig> = {
  'sdk-iife': () => browserLib('packages/sdk/src/script-tag.ts', 'packages/sdk/dist', 'cairn.js', 'iife', 'cairnSdk'),
  'sdk-esm': () => {
    const config = browserLib('packages/sdk/src/index.ts', 'packages/sdk/dist', 'index.js', 'es');
    config.build!.rolldownOptions = { ...config.build!.rolldownOptions, external: ['idb-keyval'] };
    return config;
  },
  'sdk-experiences': () =>
    browserLib('packages/sdk/src/experiences/index.ts', 'packages/sdk/dist', 'cairn-experiences.js', 'es'),
  widgets: () => ({
    ...browserLib('packages/widgets/src/index.ts', 'packages/widgets/dist', 'cairn-widgets.js', 'es'),
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
  dashboard: () => ({
    root: at('packages/dashboard'),
    base: '/dashboard/',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { outDir: at('packages/dashboard/dist'), emptyOutDir: true, target: 'es2020' },
  }),
  demo: () => ({
    root: at('demo'),
    base: '/demo/',
    build: { outDir: at('demo/dist'), emptyOutDir: true, target: 'es2020' },
  }),
  collector: () => ({
    publicDir: false,
    build: {
      ssr: at('packages/collector/src/cli.ts'),
      outDir: at('packages/collector/dist'),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: true,
      rolldownOptions: {
        output: { entryFileNames: 'cli.js', banner: '#!/usr/bin/env node' },
        external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), /^@electric-sql\//, /^hono/, /^@hono\//, 'postgres'],
      },
    },
  }),
};

export default defineConfig(({ mode }) => {
  const config = configs[mode];
  if (!config) throw new Error(`Failed to pick a build: unknown mode "${mode}". Please use one of ${Object.keys(configs).join(', ')}.`);
  return config();
});
