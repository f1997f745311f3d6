// The core as Electron and the e2e harness drive it: real keychain (run under with-keyring.sh),
// real sandbox over loopback, real settings file. Only the OS clipboard and the OS notifier and
// browser are stand-ins, as true boundaries.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../src-main/common/app-error';
import type { BridgeEventName, SessionState } from '../../../src-main/common/bridge-contract';
import {
  createPendingMoneyMarker,
  markerFileName,
} from '../../../src-main/billing/pending-money-marker';
import { createAppCore, type AppCore, type AppCoreDeps } from '../../../src-main/core/app-core';
import { sandboxAccounts } from '../../../sandbox/seed-accounts';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { TotpDispenser } from '../../helpers/totp-dispenser';
import { keychainServiceName } from '../../../src-main/session/keytar-secret-store';

const { demo, twofa } = sandboxAccounts;
/** Fresh per test: each test has its own sandbox, which refuses a code's step only once used there. */
let totp: TotpDispenser;
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
  totp = new TotpDispenser();
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
    startSandbox: async () => ({
      ...sandbox,
      demoAccount: demo,
      close: async () => undefined,
    }),
    ...overrides,
  });
  cores.push(core);
  core.onEvent((name, payload) => boundaries.events.push({ name, payload }));
  await core.handlers.updateSettings({
    endpoint: { kind: 'custom', customUrl: sandbox.apiBaseUrl },
  });
  return { core, ...boundaries };
}

function signedInId(state: SessionState): string {
  if (state.status !== 'signed-in') throw new Error('expected a signed-in state');
  return state.accountId;
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
    const accountId = signedInId(state);
    const snapshot = await core.handlers.refreshAccount({ accountId });
    expect(snapshot.account.email).toBe(demo.email);
    expect(snapshot.account).not.toHaveProperty('apiKey');
    expect(snapshot.account.apiKeyMasked).toMatch(/^[•-]+5f13$/);
    expect(JSON.stringify(snapshot)).not.toContain(demo.apiKey);
    expect(events.map((e) => e.name)).toEqual(
      expect.arrayContaining(['sessionChanged', 'accountChanged']),
    );
    expect(await core.handlers.revealApiKey({ accountId })).toBe(demo.apiKey);
  });

  it('copies the API key and clears it from the clipboard at sign-out', async () => {
    const { core, clipboard } = await makeCore();
    const accountId = signedInId(
      await core.handlers.signIn({ email: demo.email, password: demo.password }),
    );
    const { clearsAt } = await core.handlers.copyApiKey({ accountId });
    expect(clipboard.text).toBe(demo.apiKey);
    expect(clearsAt).toBeGreaterThan(Date.now() + 59_000);
    const state = await core.handlers.signOut({ accountId });
    expect(state).toMatchObject({ status: 'signed-out', accounts: [] });
    expect(clipboard.text).toBe('');
    // A call about an account that is no longer signed in is refused with a sentence.
    const error = await failure(core.handlers.getAccount({ accountId }));
    expect(error.kind).toBe('needs-login');
    expect(error.message).toMatch(/not signed in/);
    expect(core.quotaStatus().level).toBe('signed-out');
  });

  it('restores the session from the keychain at the next start', async () => {
    const first = await makeCore();
    expect(first.core.windowPagePath()).toBe('/index.html');
    await first.core.handlers.signIn({ email: demo.email, password: demo.password });
    expect(first.core.windowPagePath()).toBe('/signed-in.html');
    await first.core.shutdown();
    const second = await makeCore();
    expect(await second.core.handlers.getSessionState(undefined)).toMatchObject({
      status: 'signed-in',
      email: demo.email,
      tokenStorage: { kind: 'keychain' },
    });
    // The restored session's window opens on the signed-in page.
    expect(second.core.windowPagePath()).toBe('/signed-in.html');
    const accountId = signedInId(await second.core.handlers.getSessionState(undefined));
    expect((await second.core.handlers.refreshAccount({ accountId })).account.email).toBe(
      demo.email,
    );
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
    const accountId = signedInId(
      await core.handlers.signIn({ email: demo.email, password: demo.password }),
    );
    const before = (await core.handlers.refreshAccount({ accountId })).account.bundle!.quota;
    const reply = await core.handlers.buyRefill({ accountId });
    expect(reply.outcome).toBe('done');
    expect(reply.outcome === 'done' && reply.snapshot.account.bundle!.quota).toBe(before + 100_000);
    expect(core.isMoneyBusy()).toBe(false);
    // The watcher takes the new account without a poll of its own.
    await expect
      .poll(() => events.filter((e) => e.name === 'quotaChanged').at(-1)?.payload)
      .toMatchObject({ accountId, status: { quota: before + 100_000, level: 'ok' } });
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
    const accountId = signedInId(await core.handlers.signIn(sandboxAccounts.demo));
    expect((await failure(core.handlers.copyTwoFactorSecret({ accountId }))).kind).toBe(
      'validation',
    );
    const { seed } = await core.handlers.beginTwoFactor({ accountId });
    const { clearsAt } = await core.handlers.copyTwoFactorSecret({ accountId });
    expect(clipboard.text).toBe(seed);
    expect(clearsAt).toBeGreaterThan(Date.now());
  });

  it('sends the chart history only when asked', async () => {
    const { core, events } = await makeCore();
    const accountId = signedInId(await core.handlers.signIn(sandboxAccounts.demo));
    await core.refreshQuotaNow();
    const change = events.filter((e) => e.name === 'quotaChanged').at(-1)!.payload as {
      status: object;
    };
    expect(change.status).not.toHaveProperty('history24h');
    expect(change.status).toHaveProperty('historyAt');
    const history = await core.handlers.getQuotaHistory({ accountId });
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

describe.skipIf(!keychainAvailable)('the app core with several accounts', () => {
  const signInTwofa = (core: AppCore) =>
    core.handlers.signIn({
      email: twofa.email,
      password: twofa.password,
      twofa: totp.next(twofa.totpSecret),
    });

  it('keeps accounts side by side and signs out of one without touching the other', async () => {
    const { core } = await makeCore();
    const demoId = signedInId(
      await core.handlers.signIn({ email: demo.email, password: demo.password }),
    );
    const both = await signInTwofa(core);
    const twofaId = signedInId(both);
    expect(both.accounts.map((entry) => [entry.email, entry.status])).toEqual([
      [demo.email, 'signed-in'],
      [twofa.email, 'signed-in'],
    ]);
    // Each call acts on the account it names, whichever is shown.
    expect((await core.handlers.refreshAccount({ accountId: demoId })).account.email).toBe(
      demo.email,
    );
    expect((await core.handlers.refreshAccount({ accountId: twofaId })).account.email).toBe(
      twofa.email,
    );

    const after = await core.handlers.signOut({ accountId: twofaId });
    expect(after).toMatchObject({ status: 'signed-in', accountId: demoId });
    expect(after.accounts.map((entry) => entry.email)).toEqual([demo.email]);
    expect(await keytar.getPassword(keychainServiceName, twofaId)).toBeNull();
    expect(await keytar.getPassword(keychainServiceName, demoId)).not.toBeNull();
    expect(core.quotaOverview().map((line) => line.accountId)).toEqual([demoId]);

    const none = await core.handlers.signOutAll(undefined);
    expect(none).toMatchObject({ status: 'signed-out', accounts: [] });
    expect(await keytar.getPassword(keychainServiceName, demoId)).toBeNull();
  });

  it('opens the window with the shown account and the data main holds for it, in one answer', async () => {
    const { core } = await makeCore();
    expect(await core.handlers.getStartState(undefined)).toMatchObject({
      session: { status: 'signed-out' },
      account: null,
      quota: null,
    });
    const demoId = signedInId(
      await core.handlers.signIn({ email: demo.email, password: demo.password }),
    );
    const twofaId = signedInId(await signInTwofa(core));
    await core.handlers.refreshAccount({ accountId: demoId });
    await core.handlers.refreshAccount({ accountId: twofaId });

    // The data is always the shown account's, the one the session state in the same answer names.
    const start = await core.handlers.getStartState(undefined);
    expect(start.session).toMatchObject({ status: 'signed-in', accountId: twofaId });
    expect(start.account?.account.email).toBe(twofa.email);
    expect(start.quota).toEqual(core.quotaStatus(twofaId));
    await core.handlers.switchAccount({ accountId: demoId });
    const switched = await core.handlers.getStartState(undefined);
    expect(switched.session).toMatchObject({ status: 'signed-in', accountId: demoId });
    expect(switched.account?.account.email).toBe(demo.email);
    expect(switched.quota).toEqual(core.quotaStatus(demoId));
    // The account as the renderer sees it: the key masked, no tokens.
    expect(JSON.stringify(switched)).not.toMatch(/"apiKey"|accessToken|refreshToken/);
  });

  it('answers the quota history and the 2FA secret copy for the account each call names', async () => {
    const { core, clipboard } = await makeCore();
    const demoId = signedInId(
      await core.handlers.signIn({ email: demo.email, password: demo.password }),
    );
    const twofaId = signedInId(await signInTwofa(core));
    await core.refreshQuotaNow();
    const history = await core.handlers.getQuotaHistory({ accountId: demoId });
    expect(history.history24h.length).toBeGreaterThan(0);
    const demoStatus = core.quotaOverview().find((line) => line.accountId === demoId)!.status;
    expect(history.history24h.at(-1)!.at).toBe(demoStatus.historyAt);
    expect(history.history24h.at(-1)!.quota).toBe(demoStatus.quota);
    // Another account's history is never answered for an id that is not signed in.
    const error = await failure(core.handlers.getQuotaHistory({ accountId: 'nobody' }));
    expect(error.message).toMatch(/not signed in/);

    // The secret being set up belongs to the account that began it.
    const { seed } = await core.handlers.beginTwoFactor({ accountId: demoId });
    const notBegun = await failure(core.handlers.copyTwoFactorSecret({ accountId: twofaId }));
    expect(notBegun.message).toBe('Start setting up two-factor first.');
    await core.handlers.copyTwoFactorSecret({ accountId: demoId });
    expect(clipboard.text).toBe(seed);
    // Signing out of that account forgets the secret.
    await core.handlers.signOut({ accountId: demoId });
    await core.handlers.signIn({ email: demo.email, password: demo.password });
    expect((await failure(core.handlers.copyTwoFactorSecret({ accountId: demoId }))).message).toBe(
      'Start setting up two-factor first.',
    );
  });

  it('applies the appearance at start and when it changes', async () => {
    const applied: string[] = [];
    const { core } = await makeCore({ applyAppearance: (appearance) => applied.push(appearance) });
    expect(applied).toEqual(['system']);
    await core.handlers.updateSettings({ appearance: 'dark' });
    expect(applied).toEqual(['system', 'dark']);
  });

  it('tries the sandbox beside a signed-in account instead of signing it out', async () => {
    // The embedded sandbox is a server of its own, as in the app.
    const embedded = await startSandbox({ port: 0 });
    const { core } = await makeCore({
      startSandbox: async () => ({ ...embedded, demoAccount: demo }),
    });
    const demoId = signedInId(
      await core.handlers.signIn({ email: demo.email, password: demo.password }),
    );
    const state = await core.handlers.trySandbox(undefined);
    expect(state).toMatchObject({ status: 'signed-in', endpoint: { kind: 'sandbox' } });
    expect(state.accounts.map((entry) => entry.endpoint.kind)).toEqual(['custom', 'sandbox']);
    expect(await core.handlers.switchAccount({ accountId: demoId })).toMatchObject({
      accountId: demoId,
    });
    await core.shutdown(); // stops the embedded sandbox too
  });

  it('restores every remembered account; one without tokens is listed with the reason', async () => {
    const first = await makeCore();
    await first.core.handlers.signIn({ email: demo.email, password: demo.password });
    const twofaId = signedInId(await signInTwofa(first.core));
    await first.core.shutdown();
    await keytar.deletePassword(keychainServiceName, twofaId);

    const second = await makeCore();
    const state = await second.core.handlers.getSessionState(undefined);
    // The account shown last was the 2FA one; it cannot be shown, so the demo account is.
    expect(state).toMatchObject({ status: 'signed-in', email: demo.email });
    expect(state.accounts).toEqual([
      expect.objectContaining({ email: demo.email, status: 'signed-in' }),
      expect.objectContaining({
        id: twofaId,
        email: twofa.email,
        status: 'needs-sign-in',
        reason: expect.stringContaining('no longer finds this account’s sign-in'),
      }),
    ]);
    // Signing in again puts it back in its place in the list.
    const again = await signInTwofa(second.core);
    expect(again.accounts.map((entry) => [entry.email, entry.status])).toEqual([
      [demo.email, 'signed-in'],
      [twofa.email, 'signed-in'],
    ]);
  });

  it('tries the embedded sandbox with its tokens kept out of the keychain', async () => {
    const embedded = await startSandbox({ port: 0 });
    const { core } = await makeCore({
      startSandbox: async () => ({ ...embedded, demoAccount: demo }),
    });
    const state = await core.handlers.trySandbox(undefined);
    expect(state).toMatchObject({ status: 'signed-in', tokenStorage: { kind: 'memory' } });
    expect(await keytar.getPassword(keychainServiceName, signedInId(state))).toBeNull();
    await core.shutdown();
  });

  it('settles a lost purchase left by the last run on its own account only', async () => {
    const first = await makeCore();
    const demoState = await first.core.handlers.signIn({
      email: demo.email,
      password: demo.password,
    });
    const demoId = signedInId(demoState);
    const twofaId = signedInId(await signInTwofa(first.core));
    const before = (await first.core.handlers.refreshAccount({ accountId: demoId })).account;
    const invoices = await first.core.handlers.listInvoices({ accountId: demoId });
    await first.core.shutdown();
    // What a run that lost a refill's reply leaves for the demo account: its pending marker.
    const demoKey = `${demoState.endpoint.baseUrl} ${demo.email}`;
    await createPendingMoneyMarker(join(dataDir, 'billing'), demoKey).write({
      intent: { action: 'refill' },
      before: {
        bundle: before.bundle?.name,
        quota: before.bundle?.quota,
        invoiceIds: invoices.map((invoice) => invoice.id),
      },
      sentAt: Date.now(),
    });

    const second = await makeCore();
    // The restored demo account reads its marker back and checks: no new invoice, no charge.
    await expect
      .poll(() => second.core.handlers.getMoneyStatus({ accountId: demoId }))
      .toMatchObject({
        state: 'idle',
        last: { outcome: 'did-not-go-through', intent: { action: 'refill' } },
      });
    // The other account never had anything pending, and nothing stays busy for the updater.
    expect(await second.core.handlers.getMoneyStatus({ accountId: twofaId })).toEqual({
      state: 'idle',
    });
    expect(second.core.isMoneyBusy()).toBe(false);
    expect(await readdir(join(dataDir, 'billing'))).not.toContain(markerFileName(demoKey));
  });

  it('opens the account a notification is about', async () => {
    const { core, events } = await makeCore();
    const demoId = signedInId(
      await core.handlers.signIn({ email: demo.email, password: demo.password }),
    );
    await signInTwofa(core);
    core.navigate({ view: 'buy-refill', accountId: demoId });
    expect(events.at(-1)).toEqual({
      name: 'navigate',
      payload: { view: 'buy-refill', accountId: demoId },
    });
    expect(await core.handlers.getSessionState(undefined)).toMatchObject({ accountId: demoId });
  });
});
