import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  guardAllWebContents,
  guardWebContents,
} from '../../../src-main/electron/web-contents-guard';

type OpenHandler = (details: { url: string }) => { action: string };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: OpenHandler = () => ({ action: 'allow' });
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: OpenHandler) => {
      openHandler = handler;
    },
  });
  return {
    contents: contents as unknown as WebContents,
    emitter,
    open: (url: string) => openHandler({ url }),
  };
}

function navigationEvent() {
  return { preventDefault: vi.fn() };
}

describe('guardWebContents', () => {
  it('denies every new window and opens only allowed https links in the browser', async () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn(async () => undefined);
    guardWebContents(contents, openExternal);
    expect(open('https://greencloud.dev/pricing')).toEqual({ action: 'deny' });
    expect(open('https://pay.stripe.com/receipts/abc')).toEqual({ action: 'deny' });
    expect(open('http://greencloud.dev/')).toEqual({ action: 'deny' });
    expect(open('https://greencloud.dev.evil.example/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([
      ['https://greencloud.dev/pricing'],
      ['https://pay.stripe.com/receipts/abc'],
    ]);
  });

  it('blocks every navigation, redirect and webview', () => {
    const { contents, emitter } = fakeContents();
    const openExternal = vi.fn(async () => undefined);
    guardWebContents(contents, openExternal);
    for (const [name, url] of [
      ['will-navigate', 'https://evil.example/'],
      ['will-navigate', 'https://docs.greencloud.dev/'],
      ['will-redirect', 'https://evil.example/'],
      ['will-attach-webview', undefined],
    ] as const) {
      const event = navigationEvent();
      emitter.emit(name, event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    // A plain link to our own docs still reaches the user, in the browser.
    expect(openExternal).toHaveBeenCalledWith('https://docs.greencloud.dev/');
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('guards web contents created later', () => {
    const app = new EventEmitter();
    guardAllWebContents(
      app as unknown as App,
      vi.fn(async () => undefined),
    );
    const { contents, emitter } = fakeContents();
    app.emit('web-contents-created', {}, contents);
    const event = navigationEvent();
    emitter.emit('will-navigate', event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    let request:
      | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
      | undefined;
    let check: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof request) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler: typeof check) => {
        check = handler;
      },
    };
    denyAllPermissions(session as unknown as Session);
    const callback = vi.fn();
    request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check?.()).toBe(false);
  });
});
