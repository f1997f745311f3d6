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
    void this.session.load();
    // Most starts restore a session: ask for the account and quota alongside the session state,
    // not after it answers, so the Account view is one round trip sooner. Signed out, these
    // answer "nothing" and are asked again after sign-in.
    void this.account.prefetch();
    void this.quota.load();
    return () => stops.forEach((stop) => stop());
  }

  /** Called when a session begins: the signed-in views read these. */
  loadSignedIn(): void {
    if (!this.account.snapshot) void this.account.load();
    if (!this.quota.status || this.quota.status.level === 'signed-out') void this.quota.load();
    void this.settings.load();
  }

  /** Called when the session ends: nothing of the last person's account stays in memory. */
  clearSignedIn(): void {
    this.account.clear();
    this.quota.clear();
    this.router.reset();
  }
}
