// Listening to one kind of core event with its payload typed, instead of narrowing by hand at
// every call site.
import type { BridgeEventName, EventPayload } from '../common/bridge-contract';
import type { AppCore } from '../core/app-core';

export function onCoreEvent<E extends BridgeEventName>(
  core: Pick<AppCore, 'onEvent'>,
  wanted: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return core.onEvent((name: BridgeEventName, payload: unknown) => {
    // The core's listener is generic over every event; `name` tells which payload this is.
    if (name === wanted) listener(payload as EventPayload<E>);
  });
}
