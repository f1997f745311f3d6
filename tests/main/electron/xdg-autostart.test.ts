// The Linux launch-at-login entry, written to and removed from a real temporary folder.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  autostartFileName,
  createXdgAutostart,
  quoteExecArgument,
  xdgConfigHome,
} from '../../../src-main/electron/xdg-autostart';

const dirs: string[] = [];
function tempConfigHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'greencloud-xdg-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('XDG autostart', () => {
  it('writes a desktop entry that starts the app in the tray, and removes it', () => {
    const configHome = tempConfigHome();
    const autostart = createXdgAutostart({
      configHome,
      exec: '/opt/Green Cloud/greencloud-desktop',
      args: ['--launched-at-login'],
      appName: 'GreenCloud Desktop',
    });
    expect(autostart.get()).toBe(false);
    autostart.set(true);
    const file = join(configHome, 'autostart', autostartFileName);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('[Desktop Entry]');
    expect(text).toContain('Type=Application\n');
    expect(text).toContain('Name=GreenCloud Desktop\n');
    expect(text).toContain('Exec="/opt/Green Cloud/greencloud-desktop" --launched-at-login\n');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(autostart.get()).toBe(true);
    autostart.set(false);
    expect(() => statSync(file)).toThrow();
    expect(autostart.get()).toBe(false);
    // Turning it off twice is not an error.
    autostart.set(false);
  });

  it('reads an entry the desktop switched off (Hidden=true) as off', () => {
    const configHome = tempConfigHome();
    const autostart = createXdgAutostart({
      configHome,
      exec: '/usr/bin/greencloud',
      args: [],
      appName: 'GreenCloud Desktop',
    });
    autostart.set(true);
    const file = join(configHome, 'autostart', autostartFileName);
    writeFileSync(file, `${readFileSync(file, 'utf8')}Hidden=true\n`);
    expect(autostart.get()).toBe(false);
  });

  it('quotes Exec arguments as the desktop entry spec asks', () => {
    expect(quoteExecArgument('/usr/bin/app')).toBe('/usr/bin/app');
    expect(quoteExecArgument('a "b" $c')).toBe('"a \\"b\\" \\$c"');
    expect(quoteExecArgument('50%')).toBe('50%%');
  });

  it('honours an absolute XDG_CONFIG_HOME and falls back to ~/.config', () => {
    expect(xdgConfigHome({ XDG_CONFIG_HOME: '/x/config' }, '/home/u')).toBe('/x/config');
    expect(xdgConfigHome({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config');
    expect(xdgConfigHome({}, '/home/u')).toBe('/home/u/.config');
  });
});
