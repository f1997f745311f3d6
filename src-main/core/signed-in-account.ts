// One signed-in account, whole: its session (and through it the client), its account service, its
// quota watcher with history and alert state, and its own clipboard guard for its API key. Made
// when the account signs in or is restored, disposed when it signs out; nothing in it reaches
// another account.

import type { GreenCloudClient } from '../api/greencloud-client';
import type {
  AccountEntry,
  AccountSnapshot,
  BridgeEventName,
  EventPayload,
  QuotaStatus,
} from '../common/bridge-contract';
import type { ClipboardLike, Clock, DesktopNotifier } from '../common/platform-ports';
import { QuotaWatcher, signedOutQuotaStatus, type WatcherSettings } from '../quota/quota-watcher';
import type { QuotaStorage } from '../quota/quota-storage';
import type { AccountSession } from '../session/account-session';
import { AccountBilling } from '../billing/account-billing';
import { AccountService } from './account-service';
import { ClipboardGuard } from './clipboard-guard';

export type CoreEmit = <E extends BridgeEventName>(name: E, payload: EventPayload<E>) => void;

export interface SignedInAccountDeps {
  session: AccountSession;
  clock: Clock;
  notifier: DesktopNotifier;
  clipboard: ClipboardLike;
  quotaStorage: QuotaStorage;
  watcherSettings: () => WatcherSettings;
  /** The app's data folder: this account's pending-money marker lives under it. */
  dataDir: string;
  emit: CoreEmit;
}

export class SignedInAccount {
  readonly id: string;
  readonly email: string;
  readonly session: AccountSession;
  readonly account: AccountService;
  readonly watcher: QuotaWatcher;
  readonly clipboardGuard: ClipboardGuard;
  /** Its MoneyDesk and pending marker: money is sent at most once per intent, per account. */
  readonly billing: AccountBilling;
  /** The key its history, alert state, marker and card-change schedule are filed under. */
  readonly accountKey: string;
  /** The 2FA secret being set up, for "Copy secret"; forgotten when the account is disposed. */
  twoFactorSeed: string | undefined;
  readonly #emit: CoreEmit;
  #disposed: Promise<void> | undefined;

  constructor(deps: SignedInAccountDeps) {
    const { session } = deps;
    this.id = session.id;
    this.email = session.email;
    this.session = session;
    this.#emit = deps.emit;
    this.account = new AccountService(() => session.client, deps.clock.now);
    this.clipboardGuard = new ClipboardGuard(deps.clipboard, deps.clock.now);
    // Kept as it was for one account, so history, alert state and markers from before carry on.
    this.accountKey = `${session.endpoint.baseUrl} ${session.email}`;
    this.watcher = new QuotaWatcher({
      fetchAccount: () => this.account.fetch(),
      accountKey: this.accountKey,
      clock: deps.clock,
      notifier: {
        // Several accounts may alert: every notification says whose quota it is about.
        notify: (alert) =>
          deps.notifier.notify({
            accountId: this.id,
            kind: alert.kind,
            title: `${alert.title} · ${this.email}`,
            body: alert.body,
            action: alert.action,
          }),
      },
      storage: deps.quotaStorage,
      settings: deps.watcherSettings,
    });
    this.billing = new AccountBilling({
      dataDir: deps.dataDir,
      accountKey: this.accountKey,
      clock: deps.clock,
      client: () => session.client,
      latestAccount: () => this.account.latest(),
      refreshAccount: () => this.refresh(),
      fetchAccount: () => this.account.fetch(),
      onChange: (status) => this.#emit('moneyChanged', { accountId: this.id, status }),
    });
    this.account.onChange((snapshot) =>
      this.#emit('accountChanged', { accountId: this.id, snapshot }),
    );
    this.watcher.onChange((status) => this.#emit('quotaChanged', { accountId: this.id, status }));
  }

  get client(): GreenCloudClient {
    return this.session.client;
  }

  start(): void {
    this.watcher.start();
    // A marker left by an earlier run is read back first; money calls wait for that read.
    void this.billing.resume();
  }

  entry(): AccountEntry {
    return {
      id: this.id,
      email: this.email,
      endpoint: { ...this.session.endpoint },
      status: 'signed-in',
      tokenStorage: this.session.tokenStorage,
    };
  }

  quotaStatus(): QuotaStatus {
    return this.#disposed ? signedOutQuotaStatus() : this.watcher.status();
  }

  /** The snapshot this run already fetched, without fetching one: null before the first fetch. */
  cachedSnapshot(): AccountSnapshot | null {
    return this.account.current() ?? null;
  }

  /** The cached snapshot, or a first fetch. */
  async snapshot(): Promise<AccountSnapshot> {
    return this.account.current() ?? this.account.refresh();
  }

  /** Fetches the account once and lets the watcher see it at once: one GET keeps both current. */
  async refresh(): Promise<AccountSnapshot> {
    const snapshot = await this.account.refresh();
    const latest = this.account.latest();
    if (!snapshot.stale && latest) this.watcher.observeAccount(latest);
    return snapshot;
  }

  /** The real key, for reveal and copy; fetched first if this run has not seen it. */
  async apiKey(): Promise<string> {
    if (!this.account.current()) await this.account.refresh();
    return this.account.apiKey();
  }

  /**
   * Stops for good: the API key leaves the clipboard, the watcher and the money desk stop (a check
   * in progress finishes, so its marker is cleared when it learnt the outcome; otherwise the marker
   * stays for the next sign-in), the watcher writes its history one last time and the window hears
   * this account is gone. Resolves once the history is written.
   */
  dispose(): Promise<void> {
    this.#disposed ??= (async () => {
      await this.clipboardGuard.flush(this.account.latest()?.apiKey);
      const billingStopped = this.billing.stop();
      this.twoFactorSeed = undefined;
      this.watcher.stop();
      this.account.clear();
      this.#emit('quotaChanged', { accountId: this.id, status: signedOutQuotaStatus() });
      await Promise.all([this.watcher.settled(), billingStopped]);
    })();
    return this.#disposed;
  }
}
