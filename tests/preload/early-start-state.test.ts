// The window's first call, started as the bridge is made: the page's first getStartState takes
// that answer, unless something may have changed it or it failed.
import { describe, expect, it, vi } from 'vitest';
import { callChannel, eventChannel } from '../../src-main/common/bridge-names';
import { startStateEarly } from '../../src-preload/early-start-state';
import { fakeBridgeTransport } from '../helpers/fake-bridge-transport';

/** A transport whose replies the test hands out one by one, in order. */
function heldTransport() {
  const replies: ((value: unknown) => void)[] = [];
  const { transport, emit, listeners } = fakeBridgeTransport(
    vi.fn(() => new Promise((resolve) => replies.push(resolve))),
  );
  const listening = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  /** Lets the bridge's own promise steps run, then answers the oldest open call. */
  const answer = async (value: unknown) => {
    await vi.waitFor(() => expect(replies.length).toBeGreaterThan(0));
    replies.shift()!(value);
  };
  return { transport, emit, listening, answer };
}

const early = { ok: true, value: { session: { status: 'signed-out' }, answer: 'early' } };
const fresh = { ok: true, value: { session: { status: 'signed-out' }, answer: 'fresh' } };

describe('startStateEarly', () => {
  it('asks main at once, and the page’s first call takes that answer without asking again', async () => {
    const { transport, answer, listening } = heldTransport();
    const getStartState = startStateEarly(transport);
    expect(transport.invoke).toHaveBeenCalledWith(callChannel('getStartState'), undefined);
    await answer(early);
    await expect(getStartState()).resolves.toEqual(early);
    expect(transport.invoke).toHaveBeenCalledTimes(1);
    // It stops listening once taken: nothing is left subscribed for the page's life.
    expect(listening()).toBe(0);
  });

  it('takes the answer that is still on its way', async () => {
    const { transport, answer } = heldTransport();
    const getStartState = startStateEarly(transport);
    const taken = getStartState();
    await answer(early);
    await expect(taken).resolves.toEqual(early);
    expect(transport.invoke).toHaveBeenCalledTimes(1);
  });

  it('asks main again on every later call ("Try again")', async () => {
    const { transport, answer } = heldTransport();
    const getStartState = startStateEarly(transport);
    await answer(early);
    await getStartState();
    const again = getStartState();
    await answer(fresh);
    await expect(again).resolves.toEqual(fresh);
    expect(transport.invoke).toHaveBeenCalledTimes(2);
  });

  it.each(['sessionChanged', 'accountChanged', 'quotaChanged'] as const)(
    'asks main again when %s arrived before the page asked (it would have missed it)',
    async (event) => {
      const { transport, emit, answer } = heldTransport();
      const getStartState = startStateEarly(transport);
      await answer(early);
      emit(eventChannel(event), {});
      const taken = getStartState();
      await answer(fresh);
      await expect(taken).resolves.toEqual(fresh);
    },
  );

  it('keeps the answer when an unrelated event arrives', async () => {
    const { transport, emit, answer } = heldTransport();
    const getStartState = startStateEarly(transport);
    emit(eventChannel('navigate'), { view: 'account' });
    await answer(early);
    await expect(getStartState()).resolves.toEqual(early);
    expect(transport.invoke).toHaveBeenCalledTimes(1);
  });

  it('sends a call that carries a request to main as it is, keeping the early answer', async () => {
    const { transport, answer } = heldTransport();
    const getStartState = startStateEarly(transport);
    const malformed = getStartState(42);
    expect(transport.invoke).toHaveBeenLastCalledWith(callChannel('getStartState'), 42);
    await answer(early);
    await answer(fresh);
    await expect(malformed).resolves.toEqual(fresh);
    await expect(getStartState()).resolves.toEqual(early);
    expect(transport.invoke).toHaveBeenCalledTimes(2);
  });

  it('asks main again when main refused or failed the early call', async () => {
    const refused = { ok: false, error: { kind: 'not-allowed', message: 'No.' } };
    const { transport, answer } = heldTransport();
    const getStartState = startStateEarly(transport);
    await answer(refused);
    const taken = getStartState();
    await answer(fresh);
    await expect(taken).resolves.toEqual(fresh);
  });

  it('asks main again when the transport threw at once (not ready yet)', async () => {
    const { transport, answer } = heldTransport();
    vi.mocked(transport.invoke).mockImplementationOnce(() => {
      throw new TypeError('not ready');
    });
    const getStartState = startStateEarly(transport);
    const taken = getStartState();
    await answer(fresh);
    await expect(taken).resolves.toEqual(fresh);
    expect(transport.invoke).toHaveBeenCalledTimes(2);
  });
});
