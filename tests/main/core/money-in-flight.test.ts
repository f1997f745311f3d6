import { describe, expect, it } from 'vitest';
import type { BridgeHandlers } from '../../../src-main/core/handler-registry';
import { moneyCallNames, trackMoneyInFlight } from '../../../src-main/core/money-in-flight';

/** Handlers whose money calls wait until the test lets them finish. */
function handlersWithGate() {
  const releases: Array<() => void> = [];
  const pending = () =>
    new Promise<never>((_, reject) => releases.push(() => reject(new Error('declined'))));
  const handlers = {
    setBundle: pending,
    changeBundle: pending,
    buyRefill: pending,
    changeCard: pending,
    getAccount: async () => null,
  } as unknown as BridgeHandlers;
  return { handlers, releaseAll: () => releases.splice(0).forEach((release) => release()) };
}

describe('trackMoneyInFlight', () => {
  it('is busy while any money call runs, including one that fails, and idle after', async () => {
    const { handlers, releaseAll } = handlersWithGate();
    const money = trackMoneyInFlight(handlers);
    expect(money.isMoneyBusy()).toBe(false);
    for (const name of moneyCallNames) {
      const call = (money.handlers[name] as (request: unknown) => Promise<unknown>)({});
      expect(money.isMoneyBusy(), name).toBe(true);
      releaseAll();
      await expect(call).rejects.toThrow('declined');
      expect(money.isMoneyBusy(), name).toBe(false);
    }
  });

  it('does not count other calls, and joins a pending-payment check', async () => {
    const { handlers } = handlersWithGate();
    let pendingCheck = false;
    const money = trackMoneyInFlight(handlers, () => pendingCheck);
    await money.handlers.getAccount({ accountId: 'an account' });
    expect(money.handlers.getAccount).toBe(handlers.getAccount);
    expect(money.isMoneyBusy()).toBe(false);
    pendingCheck = true;
    expect(money.isMoneyBusy()).toBe(true);
  });
});
