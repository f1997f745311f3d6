import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  bridgeCallNames,
  callChannel,
  eventChannel,
} from '../../../src-main/common/bridge-contract';
import { registerBridgeHandlers, sendBridgeEvent } from '../../../src-main/electron/ipc-bridge';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => unknown;

describe('registerBridgeHandlers', () => {
  it('registers every call of the contract, on its channel, through the registry', async () => {
    const registered = new Map<string, Listener>();
    const ipc = {
      handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    };
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'done' }));
    registerBridgeHandlers(ipc as unknown as Pick<IpcMain, 'handle'>, { dispatch });
    expect([...registered.keys()]).toEqual(bridgeCallNames.map((name) => callChannel(name)));

    const event = { senderFrame: { url: 'app://greencloud/index.html' } } as IpcMainInvokeEvent;
    await expect(registered.get(callChannel('signIn'))!(event, { email: 'a' })).resolves.toEqual({
      ok: true,
      value: 'done',
    });
    expect(dispatch).toHaveBeenCalledWith('signIn', { email: 'a' }, 'app://greencloud/index.html');
  });

  it('passes an undefined frame URL when the sender frame is gone', async () => {
    const registered = new Map<string, Listener>();
    const ipc = {
      handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    };
    const dispatch = vi.fn(async () => ({ ok: true as const, value: null }));
    registerBridgeHandlers(ipc as unknown as Pick<IpcMain, 'handle'>, { dispatch });
    await registered.get(callChannel('getAccount'))!(
      { senderFrame: null } as IpcMainInvokeEvent,
      undefined,
    );
    expect(dispatch).toHaveBeenCalledWith('getAccount', undefined, undefined);
  });
});

function fakeContents(loading: boolean) {
  const once = new Map<string, () => void>();
  const contents = {
    send: vi.fn(),
    isLoading: () => loading,
    isDestroyed: () => false,
    once: (event: string, listener: () => void) => once.set(event, listener),
  };
  return { contents: contents as unknown as WebContents, send: contents.send, once };
}

describe('sendBridgeEvent', () => {
  it('sends on the event channel', () => {
    const { contents, send } = fakeContents(false);
    sendBridgeEvent(contents, 'navigate', { view: 'account' });
    expect(send).toHaveBeenCalledWith(eventChannel('navigate'), { view: 'account' });
  });

  it('waits for a loading page to finish, so a cold-start deep link is not lost', () => {
    const { contents, send, once } = fakeContents(true);
    sendBridgeEvent(contents, 'navigate', { view: 'set-password', code: 'abc' });
    expect(send).not.toHaveBeenCalled();
    once.get('did-finish-load')?.();
    expect(send).toHaveBeenCalledWith(eventChannel('navigate'), {
      view: 'set-password',
      code: 'abc',
    });
  });

  it('does nothing without a window', () => {
    expect(() => sendBridgeEvent(undefined, 'navigate', { view: 'account' })).not.toThrow();
  });
});
