// The app's own settings and facts, the same whichever account is shown.

import { AppError } from '../../common/app-error';
import type { AreaHandlers } from '../handler-registry';
import type { CoreContext } from './core-context';

const launchAtLoginUnsupportedReason =
  'Launch at login is not offered on this system. Add GreenCloud Desktop to your desktop’s startup applications instead.';

export function appHandlers(context: CoreContext): AreaHandlers<'app'> {
  const { settings, launchAtLogin } = context;
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
      if (patch.appearance !== undefined) context.applyAppearance?.(next.appearance);
      return next;
    },
    getAppInfo: async () => ({
      version: context.appVersion,
      platform: context.platform,
      versions: context.runtimeVersions ?? { node: process.versions.node },
      ...(launchAtLogin ? {} : { launchAtLoginUnsupportedReason }),
    }),
  };
}
