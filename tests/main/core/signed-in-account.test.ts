// One signed-in account's object through its life, against the sandbox over real HTTP: made from
// a session, it watches and alerts under its own name, and disposing it stops everything it
// started (watcher, clipboard secret) without touching another account's.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandboxAccounts } from '../../../sandbox/seed-accounts';
import type {
  BridgeEventName,
  EventPayload,
  QuotaChange,
} from '../../../src-main/common/bridge-contract';
import type { DesktopNotice } from '../../../src-main/common/platform-ports';
import { SignedInAccount } from '../../../src-main/core/signed-in-account';
import { createFileQuotaStorage } from '../../../src-main/quota/quota-storage';
import { systemClock } from '../../../src-main/quota/quota-watcher';
import { MemorySecretStore } from '../../../src-main/session/memory-secret-store';
import { SessionManager } from '../../../src-main/session/session-manager';
import { SandboxControl } from '../../helpers/sandbox-control';
import {
  signInBothSeeded,
  startSessionSandbox,
  type SessionSandbox,
} from '../../helpers/session-sandbox';

const { demo, twofa } = sandboxAccounts;

let sandbox: SessionSandbox;
let control: SandboxControl;
let dataDir: string;
let sessions: SessionManager;
let events: { name: BridgeEventName; payload: unknown }[];
let notices: DesktopNotice[];
const clipboard = { text: '' };
const made: SignedInAccount[] = [];

beforeEach(async () => {
  sandbox = await startSessionSandbox();
  control = new SandboxControl(sandbox.origin);
  dataDir = await mkdtemp(join(tmpdir(), 'greencloud-account-'));
  sessions = new SessionManager({
    secrets: new MemorySecretStore(),
    tokenStorage: { kind: 'memory', reason: 'Tests run without a keyring.' },
    createClient: sandbox.createClient,
  });
  events = [];
  notices = [];
  clipboard.text = '';
});

afterEach(async () => {
  await Promise.all(made.splice(0).map((account) => account.dispose()));
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

function accountFor(session: Awaited<ReturnType<SessionManager['signIn']>>): SignedInAccount {
  const account = new SignedInAccount({
    session,
    clock: systemClock,
    notifier: { notify: (notice) => notices.push(notice) },
    clipboard: {
      writeText: (text) => void (clipboard.text = text),
      readText: () => clipboard.text,
      clear: () => void (clipboard.text = ''),
    },
    quotaStorage: createFileQuotaStorage(join(dataDir, 'quota')),
    watcherSettings: () => ({
      pollIntervalSeconds: 60,
      notificationsEnabled: true,
      earlyWarning: false,
    }),
    dataDir,
    emit: <E extends BridgeEventName>(name: E, payload: EventPayload<E>) =>
      void events.push({ name, payload }),
  });
  made.push(account);
  return account;
}

async function bothAccounts(): Promise<[SignedInAccount, SignedInAccount]> {
  const [first, second] = await signInBothSeeded(sessions, sandbox.endpoint);
  return [accountFor(first), accountFor(second)];
}

const quotaEvents = (accountId: string) =>
  events
    .filter((event) => event.name === 'quotaChanged')
    .map((event) => event.payload as QuotaChange)
    .filter((change) => change.accountId === accountId);

describe('SignedInAccount', () => {
  it('watches its own quota and names itself in every event and notification', async () => {
    const [demoAccount, twofaAccount] = await bothAccounts();
    demoAccount.start();
    twofaAccount.start();
    // Joins each watcher's first poll and waits for all of it: its quota shows before the poll has
    // written its files, and a refresh in that gap would join it instead of reading again.
    await Promise.all([demoAccount.watcher.refreshNow(), twofaAccount.watcher.refreshNow()]);
    expect(twofaAccount.quotaStatus().quota).toBe(1_000);
    expect(demoAccount.quotaStatus().quota).toBe(100_000);

    await control.setAccount(twofa.email, { quota: 50 });
    await twofaAccount.watcher.refreshNow();
    expect(notices).toEqual([
      {
        accountId: twofaAccount.id,
        kind: 'low',
        title: `GreenCloud quota is low · ${twofa.email}`,
        body: expect.stringContaining('STARTER: 50 of 1,000 left (5%).'),
        action: 'buy-refill',
      },
    ]);
    expect(quotaEvents(twofaAccount.id).at(-1)?.status.level).toBe('low');
    expect(quotaEvents(demoAccount.id).every((change) => change.status.level === 'ok')).toBe(true);
    expect(demoAccount.quotaStatus().level).toBe('ok');
  });

  it('when disposed: the API key leaves the clipboard, the watcher stops for good, its history is written', async () => {
    const account = accountFor(
      await sessions.signIn(sandbox.endpoint, { email: demo.email, password: demo.password }),
    );
    account.start();
    await expect.poll(() => account.quotaStatus().quota).toBe(100_000);
    await account.clipboardGuard.copySecret(await account.apiKey());
    expect(clipboard.text).toBe(demo.apiKey);

    const disposal = account.dispose();
    expect(account.dispose()).toBe(disposal);
    await disposal;
    expect(clipboard.text).toBe('');
    expect(account.quotaStatus().level).toBe('signed-out');
    expect(quotaEvents(account.id).at(-1)?.status.level).toBe('signed-out');
    expect(events.filter((event) => event.name === 'accountChanged').at(-1)?.payload).toEqual({
      accountId: account.id,
      snapshot: null,
    });
    expect(
      (await readdir(join(dataDir, 'quota'))).some((f) => f.startsWith('quota-history-')),
    ).toBe(true);

    // Nothing runs afterwards: a poll asked for changes nothing and tells no one.
    const seen = events.length;
    await control.setAccount(demo.email, { quota: 10 });
    await account.watcher.refreshNow();
    expect(events.length).toBe(seen);
    expect(notices).toEqual([]);
  });

  it('leaves another account’s secret on the clipboard when it is disposed', async () => {
    const [first, second] = await bothAccounts();
    await first.clipboardGuard.copySecret(await first.apiKey());
    // The other account copies something of its own over it (as the user might).
    await second.clipboardGuard.copySecret('the second account’s secret');
    await first.dispose();
    expect(clipboard.text).toBe('the second account’s secret');
  });
});
