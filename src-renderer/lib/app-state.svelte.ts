// The root of the renderer's state: one instance per window, built from the bridge and handed to
// components through context. Wires main's events to the stores and loads what each side needs.

import type { GreenCloudBridge } from '../../src-main/common/bridge-contract';
import { AccountStore } from './account-store.svelte';
import { listen } from './bridge';
import { Connectivity } from './connectivity.svelte';
import { QuotaStore } from './quota-store.svelte';
import { Router } from './router.svelte';
import { SessionStore } from './session-store.svelte';
import { SettingsStore } from './settings-store.svelte';

export class AppState {
  readonly bridge: GreenCloudBridge;
  readonly session: SessionStore;
  readonly account: AccountStore;
  readonly quota: QuotaStore;
  readonly settings: SettingsStore;
  readonly router = new Router();
  readonly connectivity = new Connectivity();

  constructor(bridge: GreenCloudBridge) {
    this.bridge = bridge;
    this.session = new SessionStore(bridge);
    this.account = new AccountStore(bridge);
    this.quota = new QuotaStore(bridge);
    this.settings = new SettingsStore(bridge);
  }

  /**
   * Money actions need a live connection and fresh data: offline, or when the last refresh
   * failed, the views show the last known data read-only.
   */
  get readOnly(): boolean {
    return !this.connectivity.online || this.account.stale || this.quota.level === 'stale';
  }

  /** Subscribes to every event and loads the session; returns the function that stops it all. */
  start(target: Window): () => void {
    const stops = [
      this.session.subscribe(),
      this.account.subscribe(),
      this.quota.subscribe(),
      listen(this.bridge.onNavigate?.bind(this.bridge), (request) =>
        this.router.handle(request, this.session.signedIn),
      ),
      this.connectivity.watch(target),
    ];
    // The account and quota load as soon as the session state names the shown account
    // (showAccount): every call about an account names it, so they cannot be asked before.
    void this.session.load();
    return () => stops.forEach((stop) => stop());
  }

  /**
   * Called when the shown account changes (signed in, switched, signed out): the stores bind to it
   * and load, or, with none left, nothing of the last person's account stays in memory.
   */
  showAccount(accountId: string | undefined): void {
    this.account.bindTo(accountId);
    this.quota.bindTo(accountId);
    if (accountId === undefined) {
      this.router.reset();
      return;
    }
    void this.account.load();
    void this.quota.load();
    void this.settings.load();
  }
}
