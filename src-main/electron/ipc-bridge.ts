// The main side of the bridge, in one place: every call in the contract is registered on its
// channel and goes through the handler registry (sender check, schema parse, handler, error value);
// every core event is sent to the window on its channel. Electron objects come in as arguments,
// so this runs under vitest with fakes.
import type { IpcMain, WebContents } from 'electron';
import {
  bridgeCallNames,
  callChannel,
  eventChannel,
  type BridgeEventName,
  type EventPayload,
} from '../common/bridge-contract';
import type { HandlerRegistry } from '../core/handler-registry';

export function registerBridgeHandlers(
  ipc: Pick<IpcMain, 'handle'>,
  registry: Pick<HandlerRegistry, 'dispatch'>,
): void {
  for (const name of bridgeCallNames) {
    // senderFrame is null when the frame navigated or was destroyed: the registry refuses that.
    ipc.handle(callChannel(name), (event, payload: unknown) =>
      registry.dispatch(name, payload, event.senderFrame?.url),
    );
  }
}

type EventTarget = Pick<WebContents, 'send' | 'isLoading' | 'once' | 'isDestroyed'>;

/**
 * Sends one event to the page. While the page is still loading, it waits for the load to finish:
 * a deep link at cold start arrives before the renderer has subscribed to `navigate`.
 */
export function sendBridgeEvent<E extends BridgeEventName>(
  target: EventTarget | undefined,
  name: E,
  payload: EventPayload<E>,
): void {
  if (target === undefined || target.isDestroyed()) return;
  const send = () => {
    if (!target.isDestroyed()) target.send(eventChannel(name), payload);
  };
  if (target.isLoading()) target.once('did-finish-load', send);
  else send();
}
