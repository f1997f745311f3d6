// Builds `window.greencloud` from the contract: one named function per call, one `onX` per event,
// nothing generic. The transport is passed in, so the preload (ipcRenderer) and the end-to-end
// harness (Playwright bindings) share this code and differ only in how bytes travel.
import type { BridgeResult } from '../src-main/common/app-error';
import type { GreenCloudBridge } from '../src-main/common/bridge-contract';
// Names only: the schemas (and zod with them) stay in main, which parses every payload.
import {
  bridgeCallNames,
  bridgeEventNames,
  callChannel,
  eventChannel,
  subscribeName,
} from '../src-main/common/bridge-names';
import { startStateEarly } from './early-start-state';

export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Calls `listener` with each payload on `channel` (never the raw IPC event); returns unsubscribe. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export function createBridge(transport: BridgeTransport): GreenCloudBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of bridgeCallNames) {
    const channel = callChannel(name);
    // One argument at most, whatever the page passes: extra arguments never reach main.
    bridge[name] = (request?: unknown) =>
      transport.invoke(channel, request) as Promise<BridgeResult<unknown>>;
  }
  // The same call, made sooner: the page's first getStartState takes main's early answer.
  bridge.getStartState = startStateEarly(transport);
  for (const name of bridgeEventNames) {
    const channel = eventChannel(name);
    bridge[subscribeName(name)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('Pass a function to subscribe.');
      return transport.subscribe(channel, (payload) => listener(payload));
    };
  }
  return Object.freeze(bridge) as GreenCloudBridge;
}
