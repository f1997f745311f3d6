import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { bundleSizeReport } from './scripts/report-bundle-size';
import { signedInPage } from './scripts/signed-in-page';

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
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified; the window parses every byte at each start.
      minify: true,
      // Chromium supports modulepreload natively: the polyfill is dead weight in the first load.
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: resolve('src-renderer/index.html'),
        // Everything the first screen imports stays in the entry chunk. Without this group, once
        // the signed-in chunk has a lazy chunk of its own, rolldown moves Svelte's runtime into a
        // common chunk beside the entry and the sign-in screen's first load grows by ~1 KB.
        output: {
          codeSplitting: {
            groups: [
              { name: 'index', tags: ['$initial'] },
              {
                name: 'forms',
                test: /[\\/](ForgotPassword|SetPassword|EndpointChooser|ConfirmDialog|ProxyCredentialsDialog)\.svelte|field-rules?\.ts/,
              },
            ],
          },
        },
      },
    },
    plugins: [svelte(), signedInPage(), bundleSizeReport()],
  },
});
