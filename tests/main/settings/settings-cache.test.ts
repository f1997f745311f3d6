// Settings opened the way the app opens them (settings-backend-options: conf's cache on): every
// request and poll reads them, so one parse serves every read until a write, and a write is seen
// by the next read at once. Real conf, real file.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  settingsBackendBehaviour,
  settingsFileName,
} from '../../../src-main/settings/settings-backend-options';
import { SettingsStore } from '../../../src-main/settings/settings-store';

let dir: string;
let conf: Conf<Record<string, unknown>>;
let settings: SettingsStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'greencloud-settings-cache-'));
  conf = new Conf({
    cwd: dir,
    projectName: 'greencloud-test',
    configName: settingsFileName,
    ...settingsBackendBehaviour,
  });
  settings = new SettingsStore(conf);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SettingsStore on the app’s cached backend', () => {
  it('parses once per write and hands every reader the same frozen settings', () => {
    const first = settings.get();
    expect(settings.get()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.notifications)).toBe(true);
    expect(() => {
      (first.notifications as { enabled: boolean }).enabled = false;
    }).toThrow(TypeError);
    expect(settings.get().notifications.enabled).toBe(true);
  });

  it('sees its own writes at once, and writes them to the file', () => {
    const before = settings.get();
    settings.update({ pollIntervalSeconds: 120, proxy: 'proxy.example.com:8080' });
    const after = settings.get();
    expect(after).not.toBe(before);
    expect(after.pollIntervalSeconds).toBe(120);
    expect(after.proxy).toBe('proxy.example.com:8080');
    const file = JSON.parse(readFileSync(join(dir, `${settingsFileName}.json`), 'utf8')) as {
      pollIntervalSeconds: number;
    };
    expect(file.pollIntervalSeconds).toBe(120);
  });

  it('remembers an Authorization scheme across reads and after other writes', () => {
    expect(settings.authScheme('https://api.example.com/v1')).toBeUndefined();
    settings.setAuthScheme('https://api.example.com/v1', 'bearer');
    expect(settings.authScheme('https://api.example.com/v1')).toBe('bearer');
    settings.update({ appearance: 'dark' });
    expect(settings.authScheme('https://api.example.com/v1')).toBe('bearer');
    expect(settings.get().appearance).toBe('dark');
    const reopened = new SettingsStore(
      new Conf({
        cwd: dir,
        projectName: 'greencloud-test',
        configName: settingsFileName,
        ...settingsBackendBehaviour,
      }),
    );
    expect(reopened.authScheme('https://api.example.com/v1')).toBe('bearer');
  });
});
