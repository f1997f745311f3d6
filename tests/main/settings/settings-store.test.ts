// Settings kept by the real `conf` package (what electron-store is built on) in a throwaway folder.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/app-error';
import type { SettingsPatch } from '../../../src-main/common/bridge-contract';
import { defaultSettings, SettingsStore } from '../../../src-main/settings/settings-store';

let dir: string;
let conf: Conf<Record<string, unknown>>;
let settings: SettingsStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'greencloud-settings-'));
  conf = new Conf({ cwd: dir, projectName: 'greencloud-test' });
  settings = new SettingsStore(conf);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function validationError(patch: unknown): AppError {
  try {
    settings.update(patch as SettingsPatch);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('SettingsStore', () => {
  it('starts with the defaults', () => {
    expect(settings.get()).toEqual({
      endpoint: { kind: 'greencloud' },
      pollIntervalSeconds: 60,
      notifications: { enabled: true, earlyWarning: true },
      launchAtLogin: false,
      appearance: 'system',
      updateChannel: 'stable',
    });
    expect(settings.windowBounds()).toBeUndefined();
    expect(settings.rememberedAccounts()).toEqual([]);
    expect(settings.currentAccount()).toBeUndefined();
    expect(settings.trayHintShown()).toBe(false);
  });

  it('keeps the appearance and that the tray hint was shown', () => {
    expect(settings.update({ appearance: 'dark' }).appearance).toBe('dark');
    settings.setTrayHintShown();
    const reopened = new SettingsStore(new Conf({ cwd: dir, projectName: 'greencloud-test' }));
    expect(reopened.get().appearance).toBe('dark');
    expect(reopened.trayHintShown()).toBe(true);
  });

  it('applies partial updates, keeps them on disk, and a new store reads them back', () => {
    settings.update({ pollIntervalSeconds: 120 });
    settings.update({ notifications: { earlyWarning: false } });
    const after = settings.update({
      endpoint: { kind: 'custom', customUrl: 'https://staging.example.com/v1/' },
    });
    expect(after).toEqual({
      endpoint: { kind: 'custom', customUrl: 'https://staging.example.com/v1' },
      pollIntervalSeconds: 120,
      notifications: { enabled: true, earlyWarning: false },
      launchAtLogin: false,
      appearance: 'system',
      updateChannel: 'stable',
    });
    const reopened = new SettingsStore(new Conf({ cwd: dir, projectName: 'greencloud-test' }));
    expect(reopened.get()).toEqual(after);
  });

  it('remembers the custom address when switching back to GreenCloud', () => {
    settings.update({ endpoint: { kind: 'custom', customUrl: 'http://127.0.0.1:4010/v1' } });
    expect(settings.update({ endpoint: { kind: 'greencloud' } }).endpoint).toEqual({
      kind: 'greencloud',
      customUrl: 'http://127.0.0.1:4010/v1',
    });
    expect(settings.update({ endpoint: { kind: 'custom' } }).endpoint.kind).toBe('custom');
  });

  it('refuses invalid changes with the field and a sentence, and changes nothing', () => {
    const cases: [unknown, string, RegExp][] = [
      [{ pollIntervalSeconds: 5 }, 'pollIntervalSeconds', /at least 15 seconds/],
      [{ pollIntervalSeconds: 10_000 }, 'pollIntervalSeconds', /at most 15 minutes/],
      [{ pollIntervalSeconds: 30.5 }, 'pollIntervalSeconds', /whole number/],
      [{ pollIntervalSeconds: '60' }, 'pollIntervalSeconds', /number of seconds/],
      [{ endpoint: { kind: 'custom' } }, 'endpoint.customUrl', /Enter the server’s address/],
      [
        { endpoint: { kind: 'custom', customUrl: 'not a url' } },
        'endpoint.customUrl',
        /full address/,
      ],
      [
        { endpoint: { kind: 'custom', customUrl: 'ftp://example.com' } },
        'endpoint.customUrl',
        /https:\/\//,
      ],
      [
        { endpoint: { kind: 'custom', customUrl: 'http://staging.example.com/v1' } },
        'endpoint.customUrl',
        /only for this computer/,
      ],
      [
        { endpoint: { kind: 'custom', customUrl: 'https://me:pw@example.com/v1' } },
        'endpoint.customUrl',
        /user name or password/,
      ],
    ];
    for (const [patch, field, message] of cases) {
      const error = validationError(patch);
      expect(error.kind).toBe('validation');
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/\.$/);
    }
    expect(validationError({ theme: 'dark' }).kind).toBe('validation');
    expect(settings.get()).toEqual(defaultSettings);
  });

  it('accepts plain http only for this computer', () => {
    for (const url of [
      'http://127.0.0.1:4010/v1',
      'http://localhost:4010/v1',
      'http://[::1]:4010/v1',
    ]) {
      expect(
        settings.update({ endpoint: { kind: 'custom', customUrl: url } }).endpoint.customUrl,
      ).toBe(url);
    }
  });

  it('falls back to the default for each hand-edited key of the wrong type, keeping the good ones', () => {
    writeFileSync(
      conf.path,
      JSON.stringify({
        endpoint: { kind: 'custom', customUrl: 'http://evil.example.com' },
        pollIntervalSeconds: 'often',
        notifications: { enabled: false, earlyWarning: 'yes' },
        launchAtLogin: 1,
        appearance: 'purple',
        updateChannel: 'nightly',
        windowBounds: { width: -5, height: 'tall' },
        accounts: [
          { kind: 'greencloud', baseUrl: 'https://api.greencloud.dev/v1', email: 42 },
          { kind: 'custom', baseUrl: 'http://127.0.0.1:4010/v1', email: 'demo@greencloud.test' },
        ],
        currentAccount: 7,
      }),
    );
    expect(settings.get()).toEqual({
      endpoint: { kind: 'greencloud' },
      pollIntervalSeconds: 60,
      notifications: { enabled: false, earlyWarning: true },
      launchAtLogin: false,
      appearance: 'system',
      updateChannel: 'stable',
    });
    expect(settings.windowBounds()).toBeUndefined();
    // The bad account entry goes; the good one beside it stays.
    expect(settings.rememberedAccounts()).toEqual([
      { kind: 'custom', baseUrl: 'http://127.0.0.1:4010/v1', email: 'demo@greencloud.test' },
    ]);
    expect(settings.currentAccount()).toBeUndefined();
    // And the next change writes clean values over the bad ones.
    settings.update({ launchAtLogin: true });
    expect(JSON.parse(readFileSync(conf.path, 'utf8'))).toMatchObject({
      pollIntervalSeconds: 60,
      launchAtLogin: true,
    });
  });

  it('keeps the update channel, and refuses one that does not exist', () => {
    expect(settings.update({ updateChannel: 'beta' }).updateChannel).toBe('beta');
    expect(
      new SettingsStore(new Conf({ cwd: dir, projectName: 'greencloud-test' })).get().updateChannel,
    ).toBe('beta');
    const error = validationError({ updateChannel: 'nightly' });
    expect(error.field).toBe('updateChannel');
    expect(settings.get().updateChannel).toBe('beta');
  });

  it('reads a file that is not JSON at all as the defaults, and can save over it', () => {
    writeFileSync(conf.path, '{ this is not json');
    expect(settings.get()).toEqual(defaultSettings);
    expect(settings.update({ pollIntervalSeconds: 30 }).pollIntervalSeconds).toBe(30);
    expect(
      new SettingsStore(new Conf({ cwd: dir, projectName: 'greencloud-test' })).get()
        .pollIntervalSeconds,
    ).toBe(30);
  });

  it('remembers window bounds, the signed-in accounts and the current one', () => {
    settings.setWindowBounds({ x: 10, y: 20, width: 1100, height: 760 });
    expect(settings.windowBounds()).toEqual({ x: 10, y: 20, width: 1100, height: 760 });
    const accounts = [
      { kind: 'greencloud', baseUrl: 'https://api.greencloud.dev/v1', email: 'a@example.com' },
      { kind: 'custom', baseUrl: 'http://127.0.0.1:4010/v1', email: 'demo@greencloud.test' },
    ] as const;
    settings.setRememberedAccounts(accounts);
    settings.setCurrentAccount('http://127.0.0.1:4010/v1 demo@greencloud.test');
    const reread = new SettingsStore(new Conf({ cwd: dir, projectName: 'greencloud-test' }));
    expect(reread.rememberedAccounts()).toEqual(accounts);
    expect(reread.currentAccount()).toBe('http://127.0.0.1:4010/v1 demo@greencloud.test');
    settings.setCurrentAccount(undefined);
    expect(JSON.parse(readFileSync(conf.path, 'utf8'))).not.toHaveProperty('currentAccount');
  });

  it('keeps keys it does not know (written by a newer version)', () => {
    writeFileSync(conf.path, JSON.stringify({ futureFeature: { on: true } }));
    settings.update({ launchAtLogin: true });
    expect(JSON.parse(readFileSync(conf.path, 'utf8'))).toHaveProperty('futureFeature', {
      on: true,
    });
  });
});
