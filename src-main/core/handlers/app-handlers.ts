// The app's own settings and facts, the same whichever account is shown.

import { AppError } from '../../common/app-error';
import type { AreaHandlers } from '../handler-registry';
import type { CoreContext } from './core-context';

const linuxLaunchAtLoginReason =
  'Launch at login is not offered on Linux, where each desktop starts apps its own way. Add GreenCloud Desktop to your desktop’s startup applications instead.';

export function appHandlers(context: CoreContext): AreaHandlers<'app'> {
  const { settings, launchAtLogin } = context;
  return {
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => {
      if (patch.launchAtLogin !== undefined) {
        if (!launchAtLogin)
          throw new AppError({
            kind: 'not-allowed',
            message: linuxLaunchAtLoginReason,
            field: 'launchAtLogin',
          });
        launchAtLogin.set(patch.launchAtLogin);
      }
      return settings.update(patch);
    },
    getAppInfo: async () => ({
      version: context.appVersion,
      platform: context.platform,
      ...(launchAtLogin ? {} : { launchAtLoginUnsupportedReason: linuxLaunchAtLoginReason }),
    }),
  };
}
