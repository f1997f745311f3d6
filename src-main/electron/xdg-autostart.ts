// Launch at login on Linux: an XDG autostart entry (~/.config/autostart/*.desktop, the Desktop
// Application Autostart Specification), which GNOME, KDE, Xfce and the other freedesktop desktops
// all honour. Pure Node (fs only), so it is tested against a temporary folder.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { LaunchAtLogin } from '../common/platform-ports';

export interface XdgAutostartOptions {
  /** $XDG_CONFIG_HOME, or ~/.config when it is unset or not absolute (as the spec says). */
  configHome: string;
  /** The command that starts the app: the AppImage's path when run from one, else the binary. */
  exec: string;
  /** Arguments added at login, so the app knows to start in the tray. */
  args: readonly string[];
  appName: string;
}

export const autostartFileName = 'greencloud-desktop.desktop';

export function xdgConfigHome(env: NodeJS.ProcessEnv, home = homedir()): string {
  const fromEnv = env.XDG_CONFIG_HOME;
  return fromEnv !== undefined && fromEnv.startsWith('/') ? fromEnv : join(home, '.config');
}

/**
 * Quotes one argument for a desktop entry's Exec key: inside double quotes, `"`, `` ` ``, `$` and
 * `\` are escaped with a backslash; `%` is doubled, since `%x` are field codes.
 */
export function quoteExecArgument(arg: string): string {
  const plain = /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg);
  const escaped = plain ? arg : `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
  return escaped.replace(/%/g, '%%');
}

export function autostartEntry(options: Pick<XdgAutostartOptions, 'exec' | 'args' | 'appName'>) {
  const exec = [options.exec, ...options.args].map(quoteExecArgument).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${options.appName}`,
    'Comment=Warns you when your GreenCloud quota runs low',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function createXdgAutostart(options: XdgAutostartOptions): LaunchAtLogin {
  const dir = join(options.configHome, 'autostart');
  const file = join(dir, autostartFileName);
  return {
    get() {
      try {
        const text = readFileSync(file, 'utf8');
        // A user may switch it off in their desktop's startup settings, which sets Hidden=true.
        return !/^Hidden\s*=\s*true\s*$/m.test(text);
      } catch {
        return false;
      }
    },
    set(enabled) {
      if (enabled) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, autostartEntry(options), { mode: 0o644 });
      } else {
        rmSync(file, { force: true });
      }
    },
  };
}
