// A bridge transport for the preload's unit tests, standing in for Electron's ipcRenderer: calls
// go to the `invoke` the test passes, and `emit` plays an event from main to its subscribers.
import type { BridgeTransport } from '../../src-preload/create-bridge';

export function fakeBridgeTransport(invoke: BridgeTransport['invoke']) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke,
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  return { transport, emit, listeners };
}
