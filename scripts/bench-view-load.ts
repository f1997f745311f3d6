// Benchmark (prints figures, asserts nothing): how long the window takes, already signed in, from
// navigation start to the quota on screen, side by side with a bare Svelte 5 page built by the same
// Vite, in one Chromium run. The goal (issue 11) is at most 1.5× the bare page.
//
// The app is the built renderer (out/renderer: run `npm run build` first) driving the real core
// against a local sandbox, through the e2e harness's bridge; the bare page is one component that
// prints a number. Runs alternate app, bare, app, bare… so both see the same machine load.
//
//   npm run bench:view-load            (about a minute; CHROMIUM=/path overrides /usr/bin/chromium)

import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import Conf from 'conf';
import keytar from 'keytar';
import { build as viteBuild } from 'vite';
import { bridgeCallNames, callChannel, eventChannel } from '../src-main/common/bridge-contract';
import { createAppCore } from '../src-main/core/app-core';
import { createHandlerRegistry } from '../src-main/core/handler-registry';
import { startSandbox } from '../sandbox/server';
import { sandboxAccounts } from '../sandbox/seed-accounts';
import { buildPageBridgeScript } from '../tests/e2e/harness/page-bridge-script';
import { startRendererServer } from '../tests/e2e/harness/renderer-server';

const runs = 50;
const warmUp = 3;

/**
 * Records, in the page, when `selector` first shows text (ms since navigation start) and reports
 * it through the page's `__benchShown` binding.
 */
const watchFor = (selector: string) => `
  new MutationObserver((_, observer) => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (el && el.textContent.trim() !== '') {
      observer.disconnect();
      window.__benchShown(performance.now());
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

/**
 * Each page reports its time through a binding, so nothing of the bench runs in the page while it
 * loads. (Polling with page.waitForFunction made Playwright evaluate its injected script in the page
 * once `goto` returned at the load event: after the bare page had drawn its number, but in the
 * middle of the app's work, which still runs after its load event.)
 */
async function reportsShown(page: Page): Promise<() => Promise<number>> {
  let report: ((ms: number) => void) | undefined;
  await page.exposeBinding('__benchShown', (_source, ms: number) => report?.(ms));
  return () => new Promise<number>((resolve) => (report = resolve));
}

async function buildBarePage(dir: string): Promise<string> {
  const src = join(dir, 'src');
  const out = join(dir, 'out');
  await import('node:fs/promises').then((fs) => fs.mkdir(src, { recursive: true }));
  await writeFile(
    join(src, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Bare</title></head><body><div id="app"></div><script type="module" src="./main.ts"></script></body></html>',
  );
  await writeFile(
    join(src, 'main.ts'),
    "import { mount } from 'svelte';\nimport Bare from './Bare.svelte';\nmount(Bare, { target: document.getElementById('app')! });\n",
  );
  await writeFile(
    join(src, 'Bare.svelte'),
    '<script lang="ts">\n  let left = $state(100000);\n</script>\n\n<h1>Account</h1>\n<p id="quota">{left.toLocaleString()} invocations left</p>\n',
  );
  await viteBuild({
    root: src,
    base: './',
    configFile: false,
    logLevel: 'silent',
    plugins: [svelte()],
    build: { outDir: out, minify: true, modulePreload: { polyfill: false } },
  });
  return out;
}

async function timeLoad(page: Page, url: string, shown: () => Promise<number>): Promise<number> {
  const time = shown();
  await page.goto(url);
  return time;
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  if (!existsSync(resolve('out/renderer/index.html'))) {
    console.error('out/renderer is missing: run `npm run build` first.');
    process.exit(1);
  }
  // Inside out/ (not /tmp), so the bare page's `svelte` import resolves from this project's
  // node_modules: the same Svelte and the same Vite as the app.
  const dir = await mkdtemp(join(resolve('out'), 'bench-view-load-'));
  const sandbox = await startSandbox({ port: 0 });
  const bareOut = await buildBarePage(dir);
  const appServer = await startRendererServer(resolve('out/renderer'));
  const bareServer = await startRendererServer(bareOut);
  const core = await createAppCore({
    dataDir: dir,
    settingsBackend: new Conf({ cwd: dir, projectName: 'greencloud-bench' }),
    loadKeytar: async () => keytar,
    appVersion: '0.1.0',
    platform: process.platform,
    notifier: { notify: () => undefined },
    clipboard: { writeText: () => undefined, readText: () => '', clear: () => undefined },
    openExternal: async () => undefined,
  });
  await core.handlers.updateSettings({
    endpoint: { kind: 'custom', customUrl: sandbox.apiBaseUrl },
  });
  const { email, password } = sandboxAccounts.demo;
  await core.handlers.signIn({ email, password });
  await core.refreshQuotaNow();

  const bridge = await buildPageBridgeScript();
  const registry = createHandlerRegistry(core.handlers, (url) =>
    Boolean(url?.startsWith(`${appServer.origin}/`)),
  );
  const byChannel = new Map<string, string>(bridgeCallNames.map((n) => [callChannel(n), n]));

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    });
    const appPage = await browser.newPage();
    await appPage.exposeBinding('__greencloudInvoke', (source, channel: string, payload: unknown) =>
      registry.dispatch(byChannel.get(channel) ?? channel, payload, source.frame.url()),
    );
    core.onEvent((name, payload) => {
      void appPage
        .evaluate(
          ([c, p]) =>
            (
              globalThis as unknown as { __greencloudEmit(c: string, p: unknown): void }
            ).__greencloudEmit(c, p),
          [eventChannel(name), payload] as const,
        )
        .catch(() => undefined);
    });
    await appPage.addInitScript({ content: bridge });
    await appPage.addInitScript({ content: watchFor('[data-testid=quota-gauge] .count') });
    const appShown = await reportsShown(appPage);
    const barePage = await browser.newPage();
    await barePage.addInitScript({ content: watchFor('#quota') });
    const bareShown = await reportsShown(barePage);

    // The page main opens a signed-in window on (index.html when nobody is signed in).
    const appPageUrl = `${appServer.origin}${core.windowPagePath()}`;
    const appTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < warmUp + runs; i++) {
      const a = await timeLoad(appPage, appPageUrl, appShown);
      // The app goes on working once the quota is shown (the chart's history, chunks fetched
      // while idle): leave it first, or that work runs during the bare page's load and slows it.
      await appPage.goto('about:blank');
      const b = await timeLoad(barePage, `${bareServer.origin}/`, bareShown);
      if (i >= warmUp) {
        appTimes.push(a);
        bareTimes.push(b);
      }
    }
    const app = median(appTimes);
    const bare = median(bareTimes);
    console.log(
      `Navigation start to quota on screen, median of ${runs} loads each (${browser.version()}):`,
    );
    console.log(`  GreenCloud Desktop, signed in  ${app.toFixed(1).padStart(7)} ms`);
    console.log(`  bare Svelte 5 page, same Vite  ${bare.toFixed(1).padStart(7)} ms`);
    console.log(
      `  ratio                          ${(app / bare).toFixed(2).padStart(7)}×  (goal ≤ 1.50×)`,
    );
  } finally {
    await browser?.close();
    await core.shutdown();
    await appServer.close();
    await bareServer.close();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
