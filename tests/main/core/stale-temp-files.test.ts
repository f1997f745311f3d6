// A start after a crash: the temporary files that cut-off writes left in the settings, quota and
// billing folders are removed before anything writes, and nothing else is touched. The real core
// over a real folder (tokens in the core's in-memory fallback: no keychain is needed here).
// The names left by real SIGKILLed writers are covered by tests/main/crash/kill-during-writes.

import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAppCore } from '../../../src-main/core/app-core';
import { isStaleTempFile } from '../../../src-main/core/stale-temp-files';
import {
  settingsBackendBehaviour,
  settingsFileName,
} from '../../../src-main/settings/settings-backend-options';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'greencloud-stale-tmp-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const openSettings = () =>
  new Conf<Record<string, unknown>>({
    cwd: dataDir,
    projectName: 'greencloud-stale-tmp',
    configName: settingsFileName,
    ...settingsBackendBehaviour,
  });

it('removes what crashed writes left at start, and only that', async () => {
  const quotaDir = join(dataDir, 'quota');
  const billingDir = join(dataDir, 'billing');
  await mkdir(quotaDir);
  await mkdir(billingDir);
  openSettings().store = { pollIntervalSeconds: 120 };
  const history = 'quota-history-0123456789abcdef.json';
  const leftovers = [
    join(dataDir, `${settingsFileName}.json.tmp-1764582000a1b2c3`),
    join(quotaDir, `${history}.4242.7.tmp`),
    join(quotaDir, 'quota-alerts-0123456789abcdef.json.4242.8.tmp'),
    join(billingDir, 'preferences.json.0a1b2c3d4e5f.tmp'),
  ];
  const kept = [
    join(quotaDir, history),
    join(billingDir, 'preferences.json'),
    join(dataDir, 'notes.tmp'),
    join(billingDir, 'preferences.json.tmp'),
    join(quotaDir, 'readme.txt'),
  ];
  for (const path of [...leftovers, ...kept]) await writeFile(path, '{"half":');

  const core = await createAppCore({
    dataDir,
    settingsBackend: openSettings(),
    loadKeytar: async () => Promise.reject(new Error('no keychain in this test')),
    appVersion: '0.0.0-test',
    platform: 'linux',
    notifier: { notify: () => undefined },
    clipboard: { writeText: () => undefined, readText: () => '', clear: () => undefined },
    openExternal: async () => undefined,
    log: () => undefined,
  });
  try {
    const names = async (dir: string) => (await readdir(dir)).map((name) => join(dir, name));
    const left = [
      ...(await names(dataDir)),
      ...(await names(quotaDir)),
      ...(await names(billingDir)),
    ];
    for (const path of leftovers) expect(left).not.toContain(path);
    for (const path of kept) expect(left).toContain(path);
    expect(core.settings.get().pollIntervalSeconds).toBe(120);
  } finally {
    await core.shutdown();
  }
});

it('knows each writer’s temporary names and nothing like them', () => {
  expect(isStaleTempFile('settings.json.tmp-1764582000a1b2c3')).toBe(true);
  expect(isStaleTempFile('quota-mute-0123456789abcdef.json.99.1.tmp')).toBe(true);
  expect(isStaleTempFile('card-changes.json.ffffffffffff.tmp')).toBe(true);
  for (const name of [
    'settings.json',
    'settings.json.tmp',
    'settings.tmp-1764582000a1b2c3',
    'history.json.1.tmp.bak',
    'Quota-History.json.1.2.tmp',
    'card-changes.json.fffff.tmp',
    'photo.jpg',
  ])
    expect(isStaleTempFile(name), name).toBe(false);
});
