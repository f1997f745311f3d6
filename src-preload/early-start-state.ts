// The window's first call, started as the bridge is made (in the preload, before the page's own
// scripts are fetched and parsed), so main's answer travels while the renderer's bundle loads
// instead of after it. The page's first getStartState takes this answer; every later call asks main.
//
// The early answer is dropped, and the page's call goes to main as usual, when it could be out of
// date or wrong: an event about the session, an account or the quota arrived before the page asked
// (the page subscribes just before its first call, so it would have missed that event), or main
// refused or failed the early call.
import type { BridgeResult } from '../src-main/common/app-error';
import { callChannel, eventChannel, type BridgeEventName } from '../src-main/common/bridge-names';
import type { BridgeTransport } from './create-bridge';

const channel = callChannel('getStartState');
const staleAfter: readonly BridgeEventName[] = ['sessionChanged', 'accountChanged', 'quotaChanged'];

const isOk = (result: unknown) => (result as BridgeResult<unknown> | undefined)?.ok === true;

/** Starts the call now; the returned function is the bridge's getStartState. */
export function startStateEarly(
  transport: BridgeTransport,
): (request?: unknown) => Promise<unknown> {
  const ask = (request?: unknown) => transport.invoke(channel, request);
  // async: a transport that throws at once (not ready) gives a dropped answer, not a broken bridge.
  let early: Promise<unknown> | undefined = (async () => ask())().catch(() => undefined);
  const stops = staleAfter.map((name) => transport.subscribe(eventChannel(name), () => drop()));
  function drop() {
    early = undefined;
    stops.splice(0).forEach((stop) => stop());
  }
  return (request) => {
    // The call takes no request: one that carries something goes to main, which refuses it.
    if (request !== undefined) return ask(request);
    const taken = early;
    drop();
    return taken ? taken.then((result) => (isOk(result) ? result : ask())) : ask();
  };
}
