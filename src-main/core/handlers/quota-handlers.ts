// The quota watcher's state and controls for one account, and the mute that applies to all.

import type { AreaHandlers } from '../handler-registry';
import { forAccount, type CoreContext } from './core-context';

export function quotaHandlers(context: CoreContext): AreaHandlers<'quota'> {
  return {
    ...forAccount(context, {
      getQuotaStatus: async (account) => account.quotaStatus(),
      getQuotaHistory: async (account) => account.watcher.chartHistory(),
      refreshQuotaNow: (account) => account.watcher.refreshNow(),
      muteAlerts: async (account, { choice }) => account.watcher.mute(choice),
    }),
    muteAllAlerts: async ({ choice }) => {
      for (const account of context.directory.signedIn()) account.watcher.mute(choice);
    },
  };
}
