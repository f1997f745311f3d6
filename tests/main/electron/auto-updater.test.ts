// The glue against electron-updater's real AppImageUpdater, run in Node: only Electron's app (an
// AppAdapter stand-in) and its net module (Node's http, through builder-util-runtime) are swapped.
// It reads the loopback feed the way the app would, so the channel mapping, the no-downgrade rule
// and the error path are electron-updater's own behaviour, not a model of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppImageUpdater, type AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpdaterPort } from '../../../src-main/electron/auto-updater';
import { describeUpdateError } from '../../../src-main/update/update-errors';
import {
  NodeFeedExecutor,
  startUpdateFeedServer,
  type UpdateFeedServer,
} from '../../helpers/update-feed-server';

let feed: UpdateFeedServer;
let dataDir: string;
beforeEach(async () => {
  feed = await startUpdateFeedServer();
  dataDir = mkdtempSync(join(tmpdir(), 'greencloud-updater-'));
});
afterEach(async () => {
  await feed.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The channel file electron-updater asks for on this OS (the test runs on all three in CI). */
function channelFile(channel: 'latest' | 'beta'): string {
  if (process.platform === 'darwin') return `${channel}-mac.yml`;
  if (process.platform === 'win32') return `${channel}.yml`;
  return `${channel}-linux.yml`;
}

function installedApp(version: string): AppAdapter {
  return {
    version,
    name: 'GreenCloud Desktop',
    isPackaged: false,
    appUpdateConfigPath: join(dataDir, 'app-update.yml'),
    userDataPath: dataDir,
    baseCachePath: dataDir,
    whenReady: async () => undefined,
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
}

function realUpdater(version: string): AppUpdater {
  const updater = new AppImageUpdater(undefined, installedApp(version));
  updater.logger = null;
  // Electron's net module is not here; Node's http through electron-builder's own executor is.
  (updater as unknown as { httpExecutor: unknown }).httpExecutor = new NodeFeedExecutor();
  return updater;
}

describe('createUpdaterPort with electron-updater', () => {
  it('hands download and install to the policy: nothing automatic', () => {
    const updater = realUpdater('1.2.0');
    createUpdaterPort(updater, { beforeInstall: () => undefined, devFeedUrl: feed.url });
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('finds a newer stable version in latest*.yml and a beta in beta*.yml', async () => {
    const port = createUpdaterPort(realUpdater('1.2.0'), {
      beforeInstall: () => undefined,
      devFeedUrl: feed.url,
    });
    expect(await port.check('stable')).toBe('1.3.0');
    expect(await port.check('beta')).toBe('1.4.0-beta.2');
    expect(feed.requests.map((path) => path.split('?')[0])).toEqual([
      `/desktop/${channelFile('latest')}`,
      `/desktop/${channelFile('beta')}`,
    ]);
  });

  it('offers nothing when up to date, and never a downgrade from beta back to stable', async () => {
    const current = createUpdaterPort(realUpdater('1.3.0'), {
      beforeInstall: () => undefined,
      devFeedUrl: feed.url,
    });
    expect(await current.check('stable')).toBeUndefined();
    const onBeta = createUpdaterPort(realUpdater('1.4.0-beta.2'), {
      beforeInstall: () => undefined,
      devFeedUrl: feed.url,
    });
    expect(await onBeta.check('stable')).toBeUndefined();
  });

  it('a failed check rejects with electron-updater’s own error, which becomes a sentence', async () => {
    feed.override(channelFile('latest'), ': not yaml : [');
    const port = createUpdaterPort(realUpdater('1.2.0'), {
      beforeInstall: () => undefined,
      devFeedUrl: feed.url,
    });
    const error = await port.check('stable').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_UPDATER_INVALID_UPDATE_INFO' });
    expect(describeUpdateError(error, 'stable')).toMatchObject({ kind: 'failed' });
  });

  it('installs only through installAndRestart, after letting the windows close', () => {
    const updater = realUpdater('1.2.0');
    const order: string[] = [];
    const quitAndInstall = vi
      .spyOn(updater, 'quitAndInstall')
      .mockImplementation(() => void order.push('quitAndInstall'));
    const port = createUpdaterPort(updater, {
      beforeInstall: () => order.push('beforeInstall'),
    });
    port.installAndRestart();
    expect(order).toEqual(['beforeInstall', 'quitAndInstall']);
    // Not silent (the user sees the installer's progress where there is one), and run afterwards.
    expect(quitAndInstall).toHaveBeenCalledWith(false, true);
  });
});
