// Connects the update policy to electron-updater, the settings and the surfaces that offer
// "Restart to Update" (tray, app menu, About). The rules are all in src-main/update.
import type { AppUpdater } from 'electron-updater';
import type { UpdateChannel } from '../common/bridge-contract';
import type { UpdateControl } from '../common/platform-ports';
import type { BridgeHandlers } from '../core/handler-registry';
import {
  UpdatePolicy,
  updateStatusLine,
  updateView,
  type RestartOffer,
  type UpdateClock,
} from '../update/update-policy';
import { createUpdaterPort } from './auto-updater';

export interface UpdatesDeps {
  updater: AppUpdater;
  channel: () => UpdateChannel;
  isMoneyBusy: () => boolean;
  /** Lets closing the windows quit (not hide to the tray) when the user chose to restart. */
  beforeInstall: () => void;
  /** Called whenever the offer may have changed (status changes; money calls finishing). */
  onOfferChanged: (offer: RestartOffer | undefined, aboutLine: string | undefined) => void;
  devFeedUrl?: string;
  clock?: UpdateClock;
}

const realClock: UpdateClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Updates {
  policy: UpdatePolicy;
  /** Tells the surfaces the current offer again (after a money call, the busy state may differ). */
  publishOffer(): void;
}

export function createUpdates(deps: UpdatesDeps): Updates {
  const policy = new UpdatePolicy({
    updater: createUpdaterPort(deps.updater, {
      beforeInstall: deps.beforeInstall,
      ...(deps.devFeedUrl === undefined ? {} : { devFeedUrl: deps.devFeedUrl }),
    }),
    clock: deps.clock ?? realClock,
    channel: deps.channel,
    isMoneyBusy: deps.isMoneyBusy,
  });
  const publishOffer = () => deps.onOfferChanged(policy.offer(), updateStatusLine(policy.status()));
  policy.onChange(publishOffer);
  return { policy, publishOffer };
}

/**
 * The core's UpdateControl, made before the updater: the core starts first, and the updater
 * (packaged builds only) is attached to it afterwards. Until then, or without one, it says nothing.
 */
export function lateUpdateControl(): UpdateControl & {
  attach(updates: Updates): void;
  /** The offer was published again (status change or money call): About follows. */
  changed(): void;
} {
  let current: Updates | undefined;
  const listeners = new Set<() => void>();
  return {
    status: () => current && updateView(current.policy),
    restart: () =>
      current?.policy.restartToUpdate() ?? {
        restarted: false,
        reason: 'No update has been downloaded yet.',
      },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    attach(updates) {
      current = updates;
    },
    changed() {
      for (const listener of listeners) listener();
    },
  };
}

/**
 * The bridge handlers with two update hooks: a changed channel setting makes the policy look at the
 * other feed at once, and a money call starting or finishing refreshes the offer (Restart to Update
 * is disabled while it runs).
 */
export function withUpdateHooks(
  handlers: BridgeHandlers,
  hooks: { channelChanged: () => void; moneyCallChanged: () => void },
): BridgeHandlers {
  // The call is made first: the core counts it as running from that moment (money-in-flight.ts).
  const settled = <T>(work: Promise<T>) => {
    hooks.moneyCallChanged();
    return work.finally(hooks.moneyCallChanged);
  };
  return {
    ...handlers,
    updateSettings: async (patch) => {
      const before = (await handlers.getSettings(undefined)).updateChannel;
      const after = await handlers.updateSettings(patch);
      if (after.updateChannel !== before) hooks.channelChanged();
      return after;
    },
    setBundle: (request) => settled(handlers.setBundle(request)),
    changeBundle: (request) => settled(handlers.changeBundle(request)),
    buyRefill: (request) => settled(handlers.buyRefill(request)),
    changeCard: (request) => settled(handlers.changeCard(request)),
  };
}
