// The card window's Electron glue with Electron's objects stood in (the binary is not here): its
// partition and preload, the https handler that serves the card page with the card CSP and passes
// Stripe's hosts to the network, one window at a time, and what closing or finishing resolves.

import { EventEmitter } from 'node:events';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardPartition, createCardWindowOpener } from '../../../src-main/electron/card-window';
import { contentSecurityPolicy } from '../../../src-main/core/content-security-policy';

const config = {
  mode: 'live',
  purpose: 'change-card',
  currency: 'usd',
  publishableKey: 'pk_test_A1',
} as const;

class FakeWindow extends EventEmitter {
  loaded: string[] = [];
  closed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show() {}
  close() {
    this.closed = true;
    this.emit('closed');
  }
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'greencloud-card-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'card.html'), '<!doctype html><title>Add a card</title>');
});
afterEach(() => rm(root, { recursive: true, force: true }));

function harness() {
  const windows: FakeWindow[] = [];
  let handler: ((request: Request) => Promise<Response>) | undefined;
  const passedOn: string[] = [];
  const permissions: string[] = [];
  let resultHandler: ((payload: unknown) => void) | undefined;
  const session = {
    protocol: {
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => {
        expect(scheme).toBe('https');
        handler = fn;
      },
    },
    setPermissionRequestHandler: () => permissions.push('request'),
    setPermissionCheckHandler: () => permissions.push('check'),
  } as unknown as Session;
  const open = createCardWindowOpener({
    createWindow: (options) => {
      const window = new FakeWindow(options);
      windows.push(window);
      return window as unknown as BrowserWindow;
    },
    cardSession: () => session,
    fetchFromNetwork: async (request) => {
      passedOn.push(request.url);
      return new Response('from the network');
    },
    onResult: (_window, fn) => {
      resultHandler = fn;
      return () => (resultHandler = undefined);
    },
    parent: () => undefined,
    preloadPath: '/app/out/preload/card-preload.cjs',
    rendererDir: root,
  });
  return {
    open,
    windows,
    passedOn,
    permissions,
    serve: (url: string) => handler!(new Request(url)),
    finish: (payload: unknown) => resultHandler?.(payload),
    listening: () => resultHandler !== undefined,
  };
}

describe('the card window', () => {
  it('opens in its own partition with the card preload, sandboxed, on its https card URL', async () => {
    const h = harness();
    void h.open(config);
    const [window] = h.windows;
    expect(window!.options.webPreferences).toMatchObject({
      partition: cardPartition,
      preload: '/app/out/preload/card-preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(cardPartition.startsWith('persist:')).toBe(false);
    expect(window!.loaded[0]).toMatch(
      /^https:\/\/desktop-card\.greencloud\.dev\/card\.html\?mode=live&/,
    );
    expect(h.permissions).toEqual(['request', 'check']);
  });

  it('serves the card page with the live CSP and passes Stripe’s hosts to the network', async () => {
    const h = harness();
    void h.open(config);
    const page = await h.serve('https://desktop-card.greencloud.dev/card.html?mode=live');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain('https://js.stripe.com');
    expect(await page.text()).toContain('Add a card');
    const sandboxPage = await h.serve('https://desktop-card.greencloud.dev/card.html?mode=sandbox');
    expect(sandboxPage.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect((await h.serve('https://desktop-card.greencloud.dev/index.html')).status).toBe(404);
    await h.serve('https://js.stripe.com/endive/stripe.js');
    expect(h.passedOn).toEqual(['https://js.stripe.com/endive/stripe.js']);
  });

  it('resolves with what the page handed back, closes, and stops listening', async () => {
    const h = harness();
    const answer = h.open(config);
    h.finish({ kind: 'dashboard' });
    expect(await answer).toEqual({ kind: 'dashboard' });
    expect(h.windows[0]!.closed).toBe(true);
    expect(h.listening()).toBe(false);
  });

  it('closed midway resolves with nothing; one window at a time', async () => {
    const h = harness();
    const first = h.open(config);
    const second = h.open(config);
    expect(h.windows).toHaveLength(1);
    h.windows[0]!.close();
    expect(await first).toBeUndefined();
    expect(await second).toBeUndefined();
    void h.open(config);
    expect(h.windows).toHaveLength(2);
  });
});
