// The core as Electron and the e2e harness drive it: real keychain (run under with-keyring.sh),
// real sandbox over loopback, real settings file. Only the OS clipboard and the OS notifier and
// browser are stand-ins, as true boundaries.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../src-main/common/app-error';
import type { BridgeEventName } from '../../../src-main/common/bridge-contract';
import { createAppCore, type AppCore, type AppCoreDeps } from '../../../src-main/core/app-core';
import { sandboxAccounts } from '../../../sandbox/seed-accounts';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';

const { demo } = sandboxAccounts;
const keychainAvailable = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);

interface Boundaries {
  clipboard: { text: string };
  opened: string[];
  events: { name: BridgeEventName; payload: unknown }[];
}

let sandbox: RunningSandbox;
let dataDir: string;
const cores: AppCore[] = [];

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
  dataDir = await mkdtemp(join(tmpdir(), 'greencloud-core-'));
});

afterEach(async () => {
  for (const core of cores.splice(0)) await core.shutdown();
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function makeCore(
  overrides: Partial<AppCoreDeps> = {},
): Promise<{ core: AppCore } & Boundaries> {
  const boundaries: Boundaries = { clipboard: { text: '' }, opened: [], events: [] };
  const core = await createAppCore({
    dataDir,
    settingsBackend: new Conf({ cwd: dataDir, projectName: 'greencloud-core-test' }),
    loadKeytar: async () => keytar,
    appVersion: '9.9.9',
    platform: 'linux',
    notifier: { notify: () => undefined },
    clipboard: {
      writeText: (text) => void (boundaries.clipboard.text = text),
      readText: () => boundaries.clipboard.text,
      clear: () => void (boundaries.clipboard.text = ''),
    },
    openExternal: async (url) => void boundaries.opened.push(url),
    startSandbox: async () => ({ ...sandbox, close: async () => undefined }),
    ...overrides,
  });
  cores.push(core);
  core.onEvent((name, payload) => boundaries.events.push({ name, payload }));
  await core.handlers.updateSettings({
    endpoint: { kind: 'custom', customUrl: sandbox.apiBaseUrl },
  });
  return { core, ...boundaries };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the call to fail');
}

describe.skipIf(!keychainAvailable)('the app core', () => {
  it('signs in, shows the account with the key masked, and tells the window', async () => {
    const { core, events } = await makeCore();
    const state = await core.handlers.signIn({ email: demo.email, password: demo.password });
    expect(state).toMatchObject({
      status: 'signed-in',
      email: demo.email,
      endpoint: { kind: 'custom' },
    });
    const snapshot = await core.handlers.refreshAccount(undefined);
    expect(snapshot.account.email).toBe(demo.email);
    expect(snapshot.account).not.toHaveProperty('apiKey');
    expect(snapshot.account.apiKeyMasked).toMatch(/^[•-]+5f13$/);
    expect(JSON.stringify(snapshot)).not.toContain(demo.apiKey);
    expect(events.map((e) => e.name)).toEqual(
      expect.arrayContaining(['sessionChanged', 'accountChanged']),
    );
    expect(await core.handlers.revealApiKey(undefined)).toBe(demo.apiKey);
  });

  it('copies the API key and clears it from the clipboard at sign-out', async () => {
    const { core, clipboard } = await makeCore();
    await core.handlers.signIn({ email: demo.email, password: demo.password });
    const { clearsAt } = await core.handlers.copyApiKey(undefined);
    expect(clipboard.text).toBe(demo.apiKey);
    expect(clearsAt).toBeGreaterThan(Date.now() + 59_000);
    const state = await core.handlers.signOut(undefined);
    expect(state.status).toBe('signed-out');
    expect(clipboard.text).toBe('');
    expect(await core.handlers.getAccount(undefined)).toBeNull();
    expect((await core.handlers.getQuotaStatus(undefined)).level).toBe('signed-out');
  });

  it('restores the session from the keychain at the next start', async () => {
    const first = await makeCore();
    await first.core.handlers.signIn({ email: demo.email, password: demo.password });
    await first.core.shutdown();
    const second = await makeCore();
    expect(await second.core.handlers.getSessionState(undefined)).toMatchObject({
      status: 'signed-in',
      email: demo.email,
      tokenStorage: { kind: 'keychain' },
    });
    expect((await second.core.handlers.refreshAccount(undefined)).account.email).toBe(demo.email);
  });

  it('tries the sandbox without remembering it for the next start', async () => {
    const first = await makeCore();
    const state = await first.core.handlers.trySandbox(undefined);
    expect(state).toMatchObject({
      status: 'signed-in',
      email: demo.email,
      endpoint: { kind: 'sandbox' },
    });
    await first.core.shutdown();
    const second = await makeCore();
    expect((await second.core.handlers.getSessionState(undefined)).status).toBe('signed-out');
  });

  it('adds a refill to the quota and lets the watcher see it at once', async () => {
    const { core, events } = await makeCore();
    await core.handlers.signIn({ email: demo.email, password: demo.password });
    const before = (await core.handlers.refreshAccount(undefined)).account.bundle!.quota;
    const after = await core.handlers.buyRefill(undefined);
    expect(after.account.bundle!.quota).toBe(before + 100_000);
    // The watcher takes the new account without a poll of its own.
    await expect
      .poll(() => events.filter((e) => e.name === 'quotaChanged').at(-1)?.payload)
      .toMatchObject({ quota: before + 100_000, level: 'ok' });
  });

  it('opens only allow-listed receipts in the system browser', async () => {
    const { core, opened } = await makeCore();
    await core.handlers.openReceipt({ url: 'https://pay.stripe.com/receipts/r_1' });
    expect(opened).toEqual(['https://pay.stripe.com/receipts/r_1']);
    const error = await failure(core.handlers.openReceipt({ url: 'https://evil.example/receipt' }));
    expect(error.kind).toBe('not-allowed');
    expect(opened).toHaveLength(1);
  });

  it('explains why launch at login is not offered where the app knows no way', async () => {
    const { core } = await makeCore();
    const info = await core.handlers.getAppInfo(undefined);
    expect(info.launchAtLoginUnsupportedReason).toMatch(/startup applications/);
    expect(info.versions.node).toBe(process.versions.node);
    const error = await failure(core.handlers.updateSettings({ launchAtLogin: true }));
    expect(error.kind).toBe('not-allowed');
    expect((await core.handlers.getSettings(undefined)).launchAtLogin).toBe(false);
  });

  it('sets launch at login where the OS supports it', async () => {
    let enabled = false;
    const { core } = await makeCore({
      launchAtLogin: { get: () => enabled, set: (v) => void (enabled = v) },
    });
    expect(
      (await core.handlers.getAppInfo(undefined)).launchAtLoginUnsupportedReason,
    ).toBeUndefined();
    expect((await core.handlers.updateSettings({ launchAtLogin: true })).launchAtLogin).toBe(true);
    expect(enabled).toBe(true);
  });

  it('applies the Appearance setting at start and when it changes', async () => {
    const applied: string[] = [];
    const { core } = await makeCore({ applyAppearance: (appearance) => applied.push(appearance) });
    expect(applied).toEqual(['system']);
    expect((await core.handlers.updateSettings({ appearance: 'dark' })).appearance).toBe('dark');
    await core.handlers.updateSettings({ pollIntervalSeconds: 120 });
    expect(applied).toEqual(['system', 'dark']);
  });

  it('copies the 2FA secret being set up, and refuses before setup starts', async () => {
    const { core, clipboard } = await makeCore();
    await core.handlers.signIn(sandboxAccounts.demo);
    expect((await failure(core.handlers.copyTwoFactorSecret(undefined))).kind).toBe('validation');
    const { seed } = await core.handlers.beginTwoFactor(undefined);
    const { clearsAt } = await core.handlers.copyTwoFactorSecret(undefined);
    expect(clipboard.text).toBe(seed);
    expect(clearsAt).toBeGreaterThan(Date.now());
  });

  it('sends the chart history only when asked', async () => {
    const { core, events } = await makeCore();
    await core.handlers.signIn(sandboxAccounts.demo);
    await core.refreshQuotaNow();
    const status = events.filter((e) => e.name === 'quotaChanged').at(-1)!.payload as object;
    expect(status).not.toHaveProperty('history24h');
    expect(status).toHaveProperty('historyAt');
    const history = await core.handlers.getQuotaHistory(undefined);
    expect(history.history24h.at(-1)?.quota).toBe(100_000);
  });

  it('routes a reset-password deep link to the window', async () => {
    const { core, events } = await makeCore();
    const request = core.parseDeepLink('greencloud://reset-password?code=abc123');
    expect(request).toEqual({ view: 'set-password', code: 'abc123' });
    core.navigate(request!);
    expect(events.at(-1)).toEqual({ name: 'navigate', payload: request });
  });
});
