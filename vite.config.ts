import { defineConfig } from 'vitest/config';
import { VitePWA } from 'vite-plugin-pwa';
import { webManifest } from './src/app/platform/web-manifest.ts';

// The service worker is our own file (src/sw/sw.ts); Workbox injects the precache list into it.
export default defineConfig({
  root: '.',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: webManifest,
      includeManifestIcons: false, // the glob below already precaches them, once
      injectManifest: {
        // The plugin adds manifest.webmanifest itself; the kill switch is for emergencies only.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2,ttf}'],
        globIgnores: ['sw-kill-switch.js'],
      },
      devOptions: { enabled: false },
    }),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/fresh-indexeddb.ts', 'test/support/english-catalogue.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
