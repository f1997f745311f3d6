import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { bundleSizeReport } from './scripts/report-bundle-size';
import { appChunkGroup } from './scripts/renderer-chunks';
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
        // The sign-in page, and the page a window that opens signed in loads (the same app, with
        // the signed-in side imported statically by its entry; written from index.html by
        // scripts/signed-in-page.ts).
        input: {
          index: resolve('src-renderer/index.html'),
          'signed-in': resolve('src-renderer/signed-in.html'),
        },
        // What both pages load in one chunk; the signed-in side is signed-in.html's entry chunk
        // (scripts/renderer-chunks.ts).
        output: {
          codeSplitting: {
            groups: [
              appChunkGroup(resolve('src-renderer/main.ts')),
              {
                name: 'forms',
                test: /[\\/](ForgotPassword|SetPassword|EndpointChooser|ConfirmDialog|ProxyCredentialsDialog)\.svelte|field-rules?\.ts/,
              },
            ],
          },
        },
      },
    },
    plugins: [svelte(), signedInPage(resolve('src-renderer')), bundleSizeReport()],
  },
});
