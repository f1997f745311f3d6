// The end-to-end fixture: the built renderer in Chromium, with `window.greencloud` wired through
// Playwright bindings into the same handler registry Electron uses, backed by the real core, the
// real keychain (gnome-keyring under tests/helpers/with-keyring.sh) and a real sandbox on loopback.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { readCardWindowQuery } from '../../../src-main/common/card-window-config';
import { cardContentSecurityPolicy } from '../../../src-main/core/card-content-security-policy';
import { paymentElementFrame, stripeJsStandIn } from '../../helpers/stripe-js-stand-in';
import Conf from 'conf';
import keytar from 'keytar';
import { bridgeCallNames, callChannel, eventChannel } from '../../../src-main/common/bridge-names';
import { launchedAtLoginFlag } from '../../../src-main/electron/launch-at-login';
import { createXdgAutostart } from '../../../src-main/electron/xdg-autostart';
import { createAppCore, type AppCore } from '../../../src-main/core/app-core';
import { createHandlerRegistry } from '../../../src-main/core/handler-registry';
import { cardPageUrl } from '../../../src-main/core/card-page';
import type { DesktopNotice, UpdateControl } from '../../../src-main/common/platform-ports';
import type { WatcherClock } from '../../../src-main/quota/quota-watcher';
import { sandboxAccounts } from '../../../sandbox/seed-accounts';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { SandboxControl } from '../../helpers/sandbox-control';
import { buildPageBridgeScript } from './page-bridge-script';
import { startRendererServer, type RendererServer } from './renderer-server';

export interface AppHarness {
  page: Page;
  core: AppCore;
  sandbox: RunningSandbox;
  control: SandboxControl;
  /** Alerts the core handed to the OS notifier (the boundary we record instead of showing). */
  notifications: DesktopNotice[];
  /** URLs the core asked the system browser to open. */
  openedUrls: string[];
  /** The OS clipboard stand-in. */
  clipboard: { text: string };
  /** Resolves with the next card window the app opens (a second page, as Electron's is a window). */
  nextCardWindow(): Promise<Page>;
  /** Every payload that crossed the app's bridge or came back from a card window, in order. */
  bridgeTraffic: unknown[];
  /** The name of every call the app's page made, in order. */
  bridgeCalls: string[];
  /** Every console line of every page (app and card windows). */
  consoleLines: string[];
  /** The app's data folder (settings, quota history, billing files). */
  dataDir: string;
  /** Where launch at login writes its XDG autostart entry ($XDG_CONFIG_HOME/autostart). */
  autostartDir: string;
  /** Loads the app and waits for its first screen. */
  open(): Promise<void>;
  /**
   * Lets time pass on this machine: the core's clock (quota samples, forecast, token ages) and the
   * page's `Date` jump ahead together, as they would after a real wait. Timers still run in real
   * time, and the sandbox keeps its own clock (`control.advanceClock`).
   */
  advanceClock(ms: number): Promise<void>;
  /** The id of a signed-in account (the shown one when no email is given). */
  accountId(email?: string): Promise<string>;
  /** Quits the app and starts it again on the same profile and keychain: a restart. */
  restart(): Promise<void>;
}

/** The wall clock plus an offset the test moves: the double sits at the clock boundary only. */
class MovableClock implements WatcherClock {
  offsetMs = 0;
  now = (): number => Date.now() + this.offsetMs;
  setTimer = (fn: () => void, ms: number): unknown => setTimeout(fn, ms);
  clearTimer = (handle: unknown): void => clearTimeout(handle as ReturnType<typeof setTimeout>);
}

const callNameByChannel = new Map<string, string>(
  bridgeCallNames.map((name) => [callChannel(name), name]),
);

/**
 * A spec's updater for About (the real policy over a scripted feed); none by default, as in dev.
 * An object, since Playwright would take a bare function for a fixture.
 */
export interface UpdateControlFactory {
  create(core: () => AppCore): UpdateControl;
}

export const test = base.extend<
  {
    app: AppHarness;
    updateControl: UpdateControlFactory | undefined;
    /** The proxy typed into Settings carries the loopback sandbox's traffic too (`test.use`). */
    proxyLoopback: boolean;
  },
  { rendererServer: RendererServer; cardServer: RendererServer; bridgeScript: string }
>({
  cardServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // The card window's page on its own origin, as in the app (its own https host there).
      const server = await startRendererServer(resolve('out/card'), (url) =>
        cardContentSecurityPolicy(readCardWindowQuery(url.search)?.mode),
      );
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  rendererServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startRendererServer(resolve('out/renderer'));
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  bridgeScript: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(await buildPageBridgeScript());
    },
    { scope: 'worker' },
  ],
  updateControl: [undefined, { option: true }],
  proxyLoopback: [false, { option: true }],
  app: async (
    { page, rendererServer, cardServer, bridgeScript, updateControl, proxyLoopback },
    use,
  ) => {
    const sandbox = await startSandbox({ port: 0 });
    const dataDir = await mkdtemp(join(tmpdir(), 'greencloud-e2e-'));
    const notifications: DesktopNotice[] = [];
    const openedUrls: string[] = [];
    const clipboard = { text: '' };
    const clock = new MovableClock();
    const bridgeTraffic: unknown[] = [];
    const bridgeCalls: string[] = [];
    const consoleLines: string[] = [];
    const cardWindowWaiters: ((page: Page) => void)[] = [];
    const openedCardWindows: Page[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    // Stands in for src-main/electron/card-window.ts: a second page in the same browser, with
    // the card preload's one call (`cardEntry.finish`) as a binding, and Stripe.js played by the
    // stand-in at its own URLs. Closing the page answers nothing, as closing the window does.
    const openCardWindow = async (config: Parameters<typeof cardPageUrl>[0]) => {
      const cardPage = await page.context().newPage();
      cardPage.on('console', (message) => consoleLines.push(message.text()));
      await cardPage.route('https://js.stripe.com/**', (route) => {
        const isFrame = route.request().url().endsWith('/payment-element.html');
        return route.fulfill({
          contentType: isFrame ? 'text/html' : 'text/javascript',
          body: isFrame ? paymentElementFrame : stripeJsStandIn,
        });
      });
      const answer = new Promise<unknown>((resolveAnswer) => {
        cardPage.on('close', () => resolveAnswer(undefined));
        void cardPage.exposeBinding('__cardEntryFinish', (_source, result: unknown) => {
          bridgeTraffic.push(result);
          resolveAnswer(result);
          void cardPage.close();
        });
      });
      await cardPage.addInitScript(() => {
        Object.defineProperty(window, 'cardEntry', {
          value: Object.freeze({
            finish: (result: unknown) =>
              (window as unknown as { __cardEntryFinish(r: unknown): void }).__cardEntryFinish(
                result,
              ),
          }),
        });
      });
      await cardPage.goto(cardPageUrl(config, cardServer.origin));
      openedCardWindows.push(cardPage);
      for (const waiter of cardWindowWaiters.splice(0)) waiter(cardPage);
      return answer;
    };
    // One run of the app's core on this profile; a restart makes another on the same folder.
    const startCore = (): Promise<AppCore> =>
      createAppCore({
        clock,
        dataDir,
        settingsBackend: new Conf({ cwd: dataDir, projectName: 'greencloud-e2e' }),
        loadKeytar: async () => keytar,
        appVersion: '0.1.0',
        platform: 'linux',
        notifier: { notify: (notice) => notifications.push(notice) },
        clipboard: {
          writeText: (text) => {
            clipboard.text = text;
          },
          readText: () => clipboard.text,
          clear: () => (clipboard.text = ''),
        },
        openExternal: async (url) => void openedUrls.push(url),
        // Linux launch at login, the real thing, into this test's own config folder.
        launchAtLogin: createXdgAutostart({
          configHome: join(dataDir, 'config'),
          exec: '/opt/GreenCloud Desktop/greencloud-desktop',
          args: [launchedAtLoginFlag],
          appName: 'GreenCloud Desktop',
        }),
        // "Try the sandbox" uses this test's sandbox, so the test can reach its control endpoints.
        startSandbox: async () => ({
          ...sandbox,
          demoAccount: sandboxAccounts.demo,
          close: async () => undefined,
        }),
        openCardWindow,
        proxyLoopback,
        ...(updateControl ? { updates: updateControl.create(() => core) } : {}),
      });
    let core: AppCore = await startCore();
    // Sign-in goes to this test's sandbox as a custom endpoint, as a developer pointing the app
    // at a local or staging server would set it.
    await core.handlers.updateSettings({
      endpoint: { kind: 'custom', customUrl: sandbox.apiBaseUrl },
    });

    const isAppPage = (url: string | undefined) =>
      Boolean(url?.startsWith(`${rendererServer.origin}/`));
    let registry = createHandlerRegistry(core.handlers, isAppPage);
    await page.exposeBinding(
      '__greencloudInvoke',
      async (source, channel: string, payload: unknown) => {
        bridgeTraffic.push(payload);
        bridgeCalls.push(callNameByChannel.get(channel) ?? channel);
        const result = await registry.dispatch(
          callNameByChannel.get(channel) ?? channel,
          payload,
          source.frame.url(),
        );
        bridgeTraffic.push(result);
        return result;
      },
    );
    const forwardEvents = () =>
      core.onEvent((name, payload) => {
        page
          .evaluate(([channel, value]) => window.__greencloudEmit(channel, value), [
            eventChannel(name),
            payload,
          ] as const)
          .catch(() => undefined); // the page may be navigating or closed; it reloads state itself
      });
    let unsubscribe = forwardEvents();
    await page.addInitScript({ content: bridgeScript });

    // The page main would open the window on, signed in or not (windowPagePath).
    const open = async () => {
      const pagePath = core.windowPagePath();
      await page.goto(`${rendererServer.origin}${pagePath}`);
      await expect(page.locator('body')).not.toBeEmpty();
    };
    await use({
      page,
      get core() {
        return core;
      },
      sandbox,
      control: new SandboxControl(sandbox.origin),
      notifications,
      openedUrls,
      clipboard,
      bridgeTraffic,
      bridgeCalls,
      consoleLines,
      dataDir,
      nextCardWindow: () => {
        const unseen = openedCardWindows.find((p) => !p.isClosed());
        if (unseen) return Promise.resolve(unseen);
        return new Promise((resolveWindow) => cardWindowWaiters.push(resolveWindow));
      },
      autostartDir: join(dataDir, 'config', 'autostart'),
      open,
      advanceClock: async (ms) => {
        clock.offsetMs += ms;
        // Only the page's Date moves; its timers keep running on their own.
        await page.clock.setSystemTime(clock.now());
      },
      accountId: async (email) => {
        const state = await core.handlers.getSessionState(undefined);
        const entry =
          email === undefined
            ? state.accounts.find(
                (account) => state.status === 'signed-in' && account.id === state.accountId,
              )
            : state.accounts.find((account) => account.email === email);
        if (!entry) throw new Error(`No signed-in account ${email ?? '(shown)'}`);
        return entry.id;
      },
      restart: async () => {
        unsubscribe();
        await core.shutdown();
        core = await startCore();
        registry = createHandlerRegistry(core.handlers, isAppPage);
        unsubscribe = forwardEvents();
        await open();
      },
    });

    unsubscribe();
    await core.shutdown();
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };
