// The app's own settings and facts, the same whichever account is shown.

import { AppError } from '../../common/app-error';
import type { AreaHandlers } from '../handler-registry';
import type { CoreContext } from './core-context';

/** About's line where this copy has no updater (unpackaged builds, Linux development). */
export const updatesNotCheckedLine = 'Updates are checked in installed copies only.';

const launchAtLoginUnsupportedReason =
  'Launch at login is not offered on this system. Add GreenCloud Desktop to your desktop’s startup applications instead.';

export function appHandlers(context: CoreContext): AreaHandlers<'app'> {
  const { settings, launchAtLogin, network, proxyPrompt, updates } = context;
  return {
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => {
      if (patch.launchAtLogin !== undefined) {
        if (!launchAtLogin)
          throw new AppError({
            kind: 'not-allowed',
            message: launchAtLoginUnsupportedReason,
            field: 'launchAtLogin',
          });
        launchAtLogin.set(patch.launchAtLogin);
      }
      const next = settings.update(patch);
      // Connections kept alive through the old proxy must not carry the next request.
      if (patch.proxy !== undefined) network.closeIdle();
      if (patch.appearance !== undefined) context.applyAppearance?.(next.appearance);
      return next;
    },
    // The answer to proxyCredentialsNeeded; no user name means cancelled.
    answerProxyCredentials: async ({ id, username, password }) =>
      proxyPrompt.answer(
        id,
        username === undefined ? undefined : { username, password: password ?? '' },
      ),
    getAppInfo: async () => ({
      version: context.appVersion,
      platform: context.platform,
      versions: context.runtimeVersions ?? { node: process.versions.node },
      ...(launchAtLogin ? {} : { launchAtLoginUnsupportedReason }),
    }),
    getUpdateStatus: async () => updates?.status() ?? { line: updatesNotCheckedLine },
    restartToUpdate: async () => {
      const result = updates?.restart() ?? { restarted: false, reason: updatesNotCheckedLine };
      if (!result.restarted) throw new AppError({ kind: 'not-allowed', message: result.reason });
    },
  };
}
