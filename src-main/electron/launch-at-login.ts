// Launch at login: the OS's own login items on Windows and macOS (Electron implements those), and
// an XDG autostart entry on Linux, where Electron has none.
import type { App } from 'electron';
import type { LaunchAtLogin } from '../common/platform-ports';
import { createXdgAutostart, xdgConfigHome } from './xdg-autostart';

export const launchedAtLoginFlag = '--launched-at-login';

export function createLaunchAtLogin(
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings' | 'getName'>,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv = process.env,
  execPath: string = process.execPath,
): LaunchAtLogin | undefined {
  if (platform === 'linux') {
    return createXdgAutostart({
      configHome: xdgConfigHome(env),
      // An AppImage runs from a temporary mount: the login entry must start the AppImage itself.
      exec: env.APPIMAGE ?? execPath,
      args: [launchedAtLoginFlag],
      appName: app.getName(),
    });
  }
  if (platform !== 'win32' && platform !== 'darwin') return undefined;
  return {
    get: () => app.getLoginItemSettings().openAtLogin,
    // Windows passes `args` to the login launch and macOS reports it in `wasOpenedAtLogin`:
    // either way the app can start quietly in the tray (see `wasLaunchedAtLogin`).
    set: (enabled) =>
      app.setLoginItemSettings({ openAtLogin: enabled, args: [launchedAtLoginFlag] }),
  };
}

/** Started by the OS at login: stay in the tray instead of opening the window on the user. */
export function wasLaunchedAtLogin(
  argv: readonly string[],
  loginItem: { wasOpenedAtLogin?: boolean },
): boolean {
  return argv.includes(launchedAtLoginFlag) || loginItem.wasOpenedAtLogin === true;
}
