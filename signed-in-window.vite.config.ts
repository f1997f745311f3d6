import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { bundleSizeReport, signedInPageBudgets } from './scripts/report-bundle-size';
import { rendererPageBuild } from './scripts/renderer-build';
import { signedInPage } from './scripts/signed-in-page';

// signed-in.html, the page a window that opens signed in loads, built on its own into the
// renderer's folder after electron-vite has built index.html there (scripts/renderer-build.ts says
// why the two pages are separate builds). Its markup is index.html's (scripts/signed-in-page.ts).
export default defineConfig({
  root: resolve('src-renderer'),
  base: './',
  logLevel: 'warn',
  build: rendererPageBuild(
    'signed-in',
    resolve('src-renderer/signed-in.html'),
    resolve('out/renderer'),
    false,
  ),
  plugins: [svelte(), signedInPage(resolve('src-renderer')), bundleSizeReport(signedInPageBudgets)],
});
