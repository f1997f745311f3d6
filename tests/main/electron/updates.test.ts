// The glue's two hooks on the bridge handlers: a channel change re-checks at once, and a finished
// money call re-publishes the offer (its Restart button may be enabled again).
import { describe, expect, it, vi } from 'vitest';
import type { AppSettings } from '../../../src-main/common/bridge-contract';
import type { BridgeHandlers } from '../../../src-main/core/handler-registry';
import { trackMoneyInFlight } from '../../../src-main/core/money-in-flight';
import { withUpdateHooks } from '../../../src-main/electron/updates';
import { defaultSettings } from '../../../src-main/settings/settings-store';

function handlers() {
  let settings: AppSettings = { ...defaultSettings };
  return {
    getSettings: async () => settings,
    updateSettings: async (patch: Partial<AppSettings>) => (settings = { ...settings, ...patch }),
    setBundle: async () => {
      throw new Error('declined');
    },
    changeBundle: async () => ({}),
    buyRefill: async () => ({}),
    changeCard: async () => undefined,
    getAccount: async () => null,
  } as unknown as BridgeHandlers;
}

describe('withUpdateHooks', () => {
  it('tells the policy about a changed channel, and only then', async () => {
    const hooks = { channelChanged: vi.fn(), moneyCallChanged: vi.fn() };
    const wrapped = withUpdateHooks(handlers(), hooks);
    await wrapped.updateSettings({ pollIntervalSeconds: 30 });
    expect(hooks.channelChanged).not.toHaveBeenCalled();
    await wrapped.updateSettings({ updateChannel: 'beta' });
    await wrapped.updateSettings({ updateChannel: 'beta' });
    expect(hooks.channelChanged).toHaveBeenCalledTimes(1);
  });

  it('re-publishes the offer as each money call starts and ends, failed or not', async () => {
    // The core's own counter inside, as in the app: each hook call sees the busy state it reports.
    const base = handlers();
    const money = trackMoneyInFlight(base);
    const busySeen: boolean[] = [];
    const hooks = {
      channelChanged: vi.fn(),
      moneyCallChanged: vi.fn(() => busySeen.push(money.isMoneyBusy())),
    };
    const wrapped = withUpdateHooks(money.handlers, hooks);
    await expect(wrapped.setBundle({ name: 'STARTER' } as never)).rejects.toThrow('declined');
    await wrapped.buyRefill({ accountId: 'an account' });
    await wrapped.changeBundle({ name: 'DEVELOPER' } as never);
    await wrapped.changeCard({ paymentMethod: 'pm_card_visa' } as never);
    expect(busySeen).toEqual([true, false, true, false, true, false, true, false]);
    expect(wrapped.getAccount).toBe(base.getAccount);
  });
});
