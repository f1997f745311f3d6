// The glue's two hooks on the bridge handlers: a channel change re-checks at once, and a finished
// money call re-publishes the offer (its Restart button may be enabled again).
import { describe, expect, it, vi } from 'vitest';
import type { AppSettings } from '../../../src-main/common/bridge-contract';
import type { BridgeHandlers } from '../../../src-main/core/handler-registry';
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
    const hooks = { channelChanged: vi.fn(), moneyCallSettled: vi.fn() };
    const wrapped = withUpdateHooks(handlers(), hooks);
    await wrapped.updateSettings({ pollIntervalSeconds: 30 });
    expect(hooks.channelChanged).not.toHaveBeenCalled();
    await wrapped.updateSettings({ updateChannel: 'beta' });
    await wrapped.updateSettings({ updateChannel: 'beta' });
    expect(hooks.channelChanged).toHaveBeenCalledTimes(1);
  });

  it('re-publishes the offer after every money call, failed or not, and passes results through', async () => {
    const hooks = { channelChanged: vi.fn(), moneyCallSettled: vi.fn() };
    const base = handlers();
    const wrapped = withUpdateHooks(base, hooks);
    await expect(wrapped.setBundle({ name: 'STARTER' } as never)).rejects.toThrow('declined');
    await wrapped.buyRefill(undefined);
    await wrapped.changeBundle({ name: 'DEVELOPER' } as never);
    await wrapped.changeCard({ paymentMethod: 'pm_card_visa' } as never);
    expect(hooks.moneyCallSettled).toHaveBeenCalledTimes(4);
    expect(wrapped.getAccount).toBe(base.getAccount);
  });
});
