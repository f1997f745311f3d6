// Launch at login through the OS's own login items. Electron implements it on Windows and macOS
// only; on Linux each desktop has its own autostart rules, so the app does not offer it there
// (the core tells the UI why, from `launchAtLogin` being undefined).
import type { App } from 'electron';
import type { LaunchAtLogin } from '../common/platform-ports';

export function createLaunchAtLogin(
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>,
  platform: NodeJS.Platform,
): LaunchAtLogin | undefined {
  if (platform !== 'win32' && platform !== 'darwin') return undefined;
  return {
    get: () => app.getLoginItemSettings().openAtLogin,
    // Windows passes `args` to the login launch and macOS reports it in `wasOpenedAtLogin`:
    // either way the app can start quietly in the tray (see `wasLaunchedAtLogin`).
    set: (enabled) =>
      app.setLoginItemSettings({ openAtLogin: enabled, args: [launchedAtLoginFlag] }),
  };
}

export const launchedAtLoginFlag = '--launched-at-login';

/** Started by the OS at login: stay in the tray instead of opening the window on the user. */
export function wasLaunchedAtLogin(
  argv: readonly string[],
  loginItem: { wasOpenedAtLogin?: boolean },
): boolean {
  return argv.includes(launchedAtLoginFlag) || loginItem.wasOpenedAtLogin === true;
}
