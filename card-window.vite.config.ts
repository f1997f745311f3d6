import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The card window's page (issue 10), built on its own into out/card: a separate window with its
// own session and preload gets its own bundle too, so it shares no chunk with the app window (the
// app's first load does not grow) and its protocol handler can serve only this folder.
export default defineConfig({
  root: resolve('src-renderer'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve('out/card'),
    emptyOutDir: true,
    rollupOptions: { input: resolve('src-renderer/card.html') },
  },
  plugins: [svelte()],
});
