import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  createLaunchAtLogin,
  launchedAtLoginFlag,
  wasLaunchedAtLogin,
} from '../../../src-main/electron/launch-at-login';
import { autostartFileName } from '../../../src-main/electron/xdg-autostart';

function fakeApp(openAtLogin: boolean) {
  return {
    getLoginItemSettings: () => ({ openAtLogin }),
    setLoginItemSettings: vi.fn(),
    getName: () => 'GreenCloud Desktop',
  } as unknown as Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings' | 'getName'> & {
    setLoginItemSettings: ReturnType<typeof vi.fn>;
  };
}

describe('createLaunchAtLogin', () => {
  it('uses an XDG autostart entry on Linux', () => {
    const dir = mkdtempSync(join(tmpdir(), 'greencloud-login-'));
    try {
      const launch = createLaunchAtLogin(fakeApp(false), 'linux', { XDG_CONFIG_HOME: dir }, '/a');
      launch!.set(true);
      expect(readFileSync(join(dir, 'autostart', autostartFileName), 'utf8')).toContain(
        `Exec=/a ${launchedAtLoginFlag}`,
      );
      expect(launch!.get()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not offered where the app knows no way', () => {
    expect(createLaunchAtLogin(fakeApp(false), 'freebsd')).toBeUndefined();
  });

  it.each(['win32', 'darwin'] as const)('reads and sets the login item on %s', (platform) => {
    const app = fakeApp(true);
    const launch = createLaunchAtLogin(app, platform)!;
    expect(launch.get()).toBe(true);
    launch.set(false);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({
      openAtLogin: false,
      args: [launchedAtLoginFlag],
    });
  });
});

describe('wasLaunchedAtLogin', () => {
  it('knows a login launch by the Windows flag or macOS report', () => {
    expect(wasLaunchedAtLogin(['app.exe', launchedAtLoginFlag], {})).toBe(true);
    expect(wasLaunchedAtLogin(['GreenCloud'], { wasOpenedAtLogin: true })).toBe(true);
    expect(wasLaunchedAtLogin(['GreenCloud'], { wasOpenedAtLogin: false })).toBe(false);
  });
});
