import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  createLaunchAtLogin,
  launchedAtLoginFlag,
  wasLaunchedAtLogin,
} from '../../../src-main/electron/launch-at-login';

function fakeApp(openAtLogin: boolean) {
  return {
    getLoginItemSettings: () => ({ openAtLogin }),
    setLoginItemSettings: vi.fn(),
  } as unknown as Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'> & {
    setLoginItemSettings: ReturnType<typeof vi.fn>;
  };
}

describe('createLaunchAtLogin', () => {
  it('is not offered on Linux', () => {
    expect(createLaunchAtLogin(fakeApp(false), 'linux')).toBeUndefined();
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
