// Runs in the page before the renderer: builds `window.greencloud` with the preload's own
// createBridge, over a transport of Playwright bindings instead of Electron IPC. Only the
// transport differs from the app.

import { createBridge } from '../../../src-preload/create-bridge';

type Listener = (payload: unknown) => void;

declare global {
  interface Window {
    __greencloudInvoke(channel: string, payload: unknown): Promise<unknown>;
    __greencloudEmit(channel: string, payload: unknown): void;
  }
}

const listeners = new Map<string, Set<Listener>>();

window.__greencloudEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};

Object.defineProperty(window, 'greencloud', {
  value: createBridge({
    invoke: (channel, payload) => window.__greencloudInvoke(channel, payload),
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  }),
  // Like contextBridge: the page cannot replace or extend the bridge.
  writable: false,
  configurable: false,
});
