// The feed files electron-builder writes (latest.yml, latest-mac.yml, latest-linux.yml, beta-*.yml),
// read by electron-updater's own GenericProvider (the class the app's updater uses for our
// `generic` publish config) over HTTP from a loopback host, with builder-util-runtime's executor.
// Only Electron's net module is swapped for Node's http; which file is asked for, how it is parsed
// and how its files resolve are the real library's. Its failures then go through describeUpdateError.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateInfo } from 'builder-util-runtime';
import { findFile, type ProviderRuntimeOptions } from 'electron-updater/out/providers/Provider';
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider';
import type { AppUpdater } from 'electron-updater';
import { describeUpdateError } from '../../../src-main/update/update-errors';
import {
  NodeFeedExecutor,
  startUpdateFeedServer,
  type UpdateFeedServer,
} from '../../helpers/update-feed-server';

let feed: UpdateFeedServer;
beforeEach(async () => {
  feed = await startUpdateFeedServer();
});
afterEach(() => feed.close());

function provider(platform: 'win32' | 'darwin' | 'linux', channel: string | null = null) {
  // The two fields GenericProvider reads from the updater (the channel our glue sets).
  const updater = { channel, isAddNoCacheQuery: false } as unknown as AppUpdater;
  return new GenericProvider({ provider: 'generic', url: feed.url }, updater, {
    platform,
    // Typed as electron-updater's Electron executor; the provider only calls request() on it.
    executor: new NodeFeedExecutor() as unknown as ProviderRuntimeOptions['executor'],
    isUseMultipleRangeRequest: true,
  });
}

async function latest(platform: 'win32' | 'darwin' | 'linux', channel: string | null = null) {
  const p = provider(platform, channel);
  const info: UpdateInfo = await p.getLatestVersion();
  return { info, files: p.resolveFiles(info) };
}

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the provider to fail');
}

describe('the update feed, read by electron-updater', () => {
  it('Windows reads latest.yml and gets the NSIS installer with its sha512', async () => {
    const { info, files } = await latest('win32', 'latest');
    expect(feed.requests).toEqual(['/desktop/latest.yml']);
    expect(info.version).toBe('1.3.0');
    expect(files.map((file) => file.url.href)).toEqual([
      `${feed.url}GreenCloud-Desktop-Setup-1.3.0.exe`,
    ]);
    expect(files[0]!.info.sha512).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(files[0]!.info.size).toBe(98412544);
  });

  it('macOS reads latest-mac.yml and updates from the zip for its own architecture', async () => {
    const { info, files } = await latest('darwin', 'latest');
    expect(feed.requests).toEqual(['/desktop/latest-mac.yml']);
    expect(info.version).toBe('1.3.0');
    expect(files.map((file) => file.url.pathname)).toEqual([
      '/desktop/GreenCloud-Desktop-1.3.0-x64.zip',
      '/desktop/GreenCloud-Desktop-1.3.0-arm64.zip',
    ]);
    // What MacUpdater picks: the zip whose name holds this machine's architecture.
    const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
    expect(findFile(files, 'zip', ['pkg', 'dmg'])?.url.pathname).toBe(
      `/desktop/GreenCloud-Desktop-1.3.0-${arch}.zip`,
    );
  });

  it('Linux reads latest-linux.yml with the AppImage, deb and rpm', async () => {
    const { files } = await latest('linux', 'latest');
    expect(feed.requests).toEqual(['/desktop/latest-linux.yml']);
    expect(findFile(files, 'AppImage', ['rpm', 'deb'])?.url.pathname).toBe(
      '/desktop/GreenCloud-Desktop-1.3.0-x86_64.AppImage',
    );
    expect(findFile(files, 'deb')?.url.pathname).toBe(
      '/desktop/GreenCloud-Desktop-1.3.0-amd64.deb',
    );
    expect(findFile(files, 'rpm')?.url.pathname).toBe(
      '/desktop/GreenCloud-Desktop-1.3.0-x86_64.rpm',
    );
  });

  it('the beta channel reads beta-linux.yml and offers the prerelease', async () => {
    const { info } = await latest('linux', 'beta');
    expect(feed.requests).toEqual(['/desktop/beta-linux.yml']);
    expect(info.version).toBe('1.4.0-beta.2');
  });

  it('a channel with no file yet is a sentence about that channel', async () => {
    feed.remove('beta-mac.yml');
    const error = await failureOf(latest('darwin', 'beta'));
    expect(feed.requests).toEqual(['/desktop/beta-mac.yml']);
    expect(error).toMatchObject({ code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });
    expect(describeUpdateError(error, 'beta')).toEqual({
      kind: 'failed',
      message: 'There is no beta release to update to yet; you stay on this version.',
    });
  });

  it('a feed file that is not YAML is a sentence, not a crash', async () => {
    feed.override('latest.yml', 'version: [1.3.0\n  files: {{{');
    const error = await failureOf(latest('win32', 'latest'));
    expect(error).toMatchObject({ code: 'ERR_UPDATER_INVALID_UPDATE_INFO' });
    expect(describeUpdateError(error, 'stable')).toEqual({
      kind: 'failed',
      message:
        'The update server sent release information that cannot be read. GreenCloud Desktop keeps working and will try again later.',
    });
  });

  it('a host that is down reads as offline: the policy waits quietly', async () => {
    const p = provider('win32', 'latest');
    await feed.close();
    const error = await failureOf(p.getLatestVersion());
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(describeUpdateError(error, 'stable')).toEqual({ kind: 'offline' });
    feed = await startUpdateFeedServer();
  });
});
