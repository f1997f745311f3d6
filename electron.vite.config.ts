import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { bundleSizeReport, signInPageBudgets } from './scripts/report-bundle-size';
import { rendererPageBuild } from './scripts/renderer-build';

// Builds the three processes into out/: main (ESM, Node), preload (CommonJS: a sandboxed preload
// cannot be an ES module) and the renderer (Svelte, served from the app's own files on app://).
// There is no dev-server mode on purpose: the window only ever loads the built files.
export default defineConfig({
  main: {
    // GreenCloud's own Stripe publishable key, when the build is given one (public by design).
    define: {
      __GREENCLOUD_STRIPE_PUBLISHABLE_KEY__: JSON.stringify(
        process.env.GREENCLOUD_STRIPE_PUBLISHABLE_KEY ?? '',
      ),
    },
    build: {
      outDir: 'out/main',
      lib: { entry: resolve('src-main/index.ts') },
      // keytar is a native addon: loaded at run time from node_modules, never bundled.
      rollupOptions: { external: ['keytar'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // The app window's bridge, and the card window's one-call preload (issue 10).
      lib: {
        entry: {
          preload: resolve('src-preload/preload.ts'),
          'card-preload': resolve('src-preload/card-preload.ts'),
        },
      },
      // A sandboxed preload can require only `electron` (and a few Node built-ins): everything it
      // uses, zod and the contract included, must be bundled into the one file.
      externalizeDeps: false,
      rollupOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    base: './',
    // The sign-in screen's page. signed-in.html is built on its own by
    // signed-in-window.vite.config.ts, into the same folder (scripts/renderer-build.ts).
    build: rendererPageBuild(
      'index',
      resolve('src-renderer/index.html'),
      resolve('out/renderer'),
      true,
    ),
    plugins: [svelte(), bundleSizeReport(signInPageBudgets)],
  },
});
