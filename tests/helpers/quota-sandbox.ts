// What the quota watcher tests need around the real sandbox: the demo account signed in for real,
// the control endpoints that move its quota, and a watcher wired to it with a controlled clock,
// a recording notifier and file storage in a temporary folder.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GreenCloudClient } from '../../src-main/api/greencloud-client';
import { createFileQuotaStorage } from '../../src-main/quota/quota-storage';
import {
  QuotaWatcher,
  type QuotaWatcherDeps,
  type WatcherSettings,
} from '../../src-main/quota/quota-watcher';
import { openSandbox, sandboxAccounts, type Sandbox } from '../main/api/helpers/sandbox-fixture';
import { ControlledClock } from './quota-clock';
import { SandboxControl } from './sandbox-control';
import { RecordingNotifier } from './quota-notifier';

export const demoEmail = sandboxAccounts.demo.email;

export interface QuotaSandbox {
  sandbox: Sandbox;
  client: GreenCloudClient;
  clock: ControlledClock;
  notifier: RecordingNotifier;
  /** The storage folder: a new watcher on the same folder is "the app restarted". */
  dataDir: string;
  settings: WatcherSettings;
  /** Simulated invocations through the server's own rules (low-quota mail, auto-renewal). */
  consume(count: number): Promise<number>;
  /** Sets the quota directly (no renewal rules). */
  setQuota(quota: number): Promise<void>;
  setFlags(flags: { bundleAutoRenewal: boolean; lowQuotaNotification: boolean }): Promise<void>;
  /** A watcher on this sandbox account; `settle` is its settled(), for ControlledClock.advance. */
  watcher(overrides?: Partial<QuotaWatcherDeps>): {
    watcher: QuotaWatcher;
    settle: () => Promise<void>;
  };
  /** How many GET /v1/user the sandbox answered or refused. */
  polls(): Promise<number>;
  close(): Promise<void>;
}

export async function openQuotaSandbox(): Promise<QuotaSandbox> {
  const sandbox = await openSandbox();
  const clock = new ControlledClock();
  // No read retries: one poll is one request, so a fault of count N fails exactly N polls.
  const { client } = await sandbox.signedIn('demo', { readRetries: 0, now: () => clock.now() });
  const dataDir = await mkdtemp(join(tmpdir(), 'quota-watcher-'));
  const notifier = new RecordingNotifier(() => clock.now());
  const settings: WatcherSettings = {
    pollIntervalSeconds: 60,
    notificationsEnabled: true,
    earlyWarning: false,
  };
  const watchers: QuotaWatcher[] = [];

  const control = new SandboxControl(sandbox.origin);

  return {
    sandbox,
    client,
    clock,
    notifier,
    dataDir,
    settings,
    async consume(count) {
      return (await control.consume(demoEmail, count)).quota;
    },
    setQuota: (quota) => sandbox.patchAccount({ email: demoEmail, quota }),
    setFlags: (flags) => client.setFlags(flags),
    watcher(overrides = {}) {
      const watcher = new QuotaWatcher({
        fetchAccount: () => client.getAccount(),
        accountKey: `${sandbox.apiBaseUrl} ${demoEmail}`,
        clock,
        random: () => 0,
        notifier,
        settings: () => settings,
        storage: createFileQuotaStorage(dataDir),
        ...overrides,
      });
      watchers.push(watcher);
      return { watcher, settle: () => watcher.settled() };
    },
    polls: () => sandbox.count('GET', '/v1/user'),
    async close() {
      for (const watcher of watchers) {
        watcher.stop();
        await watcher.settled();
      }
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
