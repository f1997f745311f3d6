import { describe, expect, it, vi } from 'vitest';
import {
  bridgeCallNames,
  bridgeEventNames,
  callChannel,
  eventChannel,
  subscribeName,
} from '../../src-main/common/bridge-contract';
import { createBridge } from '../../src-preload/create-bridge';
import { fakeBridgeTransport } from '../helpers/fake-bridge-transport';

function fakeTransport() {
  return fakeBridgeTransport(
    vi.fn(async (channel: string, payload: unknown) => ({ ok: true, value: { channel, payload } })),
  );
}

describe('createBridge', () => {
  it('has exactly one function per call and one subscribe function per event, nothing generic', () => {
    const bridge = createBridge(fakeTransport().transport);
    const expected = [...bridgeCallNames, ...bridgeEventNames.map((name) => subscribeName(name))];
    expect(Object.keys(bridge).sort()).toEqual(expected.sort());
    for (const key of Object.keys(bridge)) {
      expect(typeof (bridge as unknown as Record<string, unknown>)[key]).toBe('function');
    }
    for (const generic of ['invoke', 'send', 'on', 'ipcRenderer'])
      expect(bridge).not.toHaveProperty(generic);
  });

  it('invokes each call on its own channel with the request as the only payload', async () => {
    const { transport } = fakeTransport();
    const bridge = createBridge(transport);
    await expect(bridge.signIn({ email: 'a@b.c', password: 'x' } as never)).resolves.toEqual({
      ok: true,
      value: { channel: callChannel('signIn'), payload: { email: 'a@b.c', password: 'x' } },
    });
    await (bridge.getSessionState as (...args: unknown[]) => Promise<unknown>)('extra', 'args');
    expect(transport.invoke).toHaveBeenLastCalledWith(callChannel('getSessionState'), 'extra');
  });

  it('maps every call name to its own channel', async () => {
    const { transport } = fakeTransport();
    const bridge = createBridge(transport) as unknown as Record<string, () => Promise<unknown>>;
    // The window's first call leaves as the bridge is made (early-start-state.ts); the page's
    // getStartState then takes that answer instead of asking again.
    expect(vi.mocked(transport.invoke).mock.calls).toEqual([
      [callChannel('getStartState'), undefined],
    ]);
    for (const name of bridgeCallNames) await bridge[name]!();
    expect(vi.mocked(transport.invoke).mock.calls.map(([channel]) => channel)).toEqual([
      callChannel('getStartState'),
      ...bridgeCallNames
        .filter((name) => name !== 'getStartState')
        .map((name) => callChannel(name)),
    ]);
  });

  it('delivers only the payload to event listeners and unsubscribes', () => {
    const { transport, emit, listeners } = fakeTransport();
    const bridge = createBridge(transport);
    const seen: unknown[] = [];
    const unsubscribe = bridge.onNavigate((request) => seen.push(request));
    emit(eventChannel('navigate'), { view: 'buy-refill' });
    expect(seen).toEqual([{ view: 'buy-refill' }]);
    unsubscribe();
    emit(eventChannel('navigate'), { view: 'account' });
    expect(seen).toHaveLength(1);
    expect(listeners.get(eventChannel('navigate'))?.size).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createBridge(fakeTransport().transport);
    expect(() => bridge.onQuotaChanged('nope' as never)).toThrow(TypeError);
  });

  it('is frozen, so the page cannot swap a function', () => {
    const bridge = createBridge(fakeTransport().transport);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(() => {
      (bridge as unknown as Record<string, unknown>).signIn = () => undefined;
    }).toThrow(TypeError);
  });
});
