// The signed-in side of the renderer's state, in the shell's chunk: the shown account, its quota and
// connectivity, over the window's BootState (session, settings, router). One per window, handed to
// the signed-in views through context; it loads what each shown account needs.

import type { GreenCloudBridge } from '../../src-main/common/bridge-contract';
import { AccountStore } from './account-store.svelte';
import type { BootState } from './boot-state.svelte';
import { Connectivity } from './connectivity.svelte';
import { QuotaStore } from './quota-store.svelte';
import type { Router } from './router.svelte';
import type { SessionStore } from './session-store.svelte';
import type { SettingsStore } from './settings-store.svelte';
import { whenIdle } from './when-idle';

export class AppState {
  readonly bridge: GreenCloudBridge;
  readonly session: SessionStore;
  readonly settings: SettingsStore;
  readonly router: Router;
  readonly account: AccountStore;
  readonly quota: QuotaStore;
  readonly connectivity = new Connectivity();
  readonly #boot: BootState;

  constructor(boot: BootState) {
    this.#boot = boot;
    this.bridge = boot.bridge;
    this.session = boot.session;
    this.settings = boot.settings;
    this.router = boot.router;
    this.account = new AccountStore(boot.bridge);
    this.quota = new QuotaStore(boot.bridge);
  }

  /**
   * Money actions need a live connection and fresh data: offline, or when the last refresh
   * failed, the views show the last known data read-only.
   */
  get readOnly(): boolean {
    return !this.connectivity.online || this.account.stale || this.quota.level === 'stale';
  }

  /** Subscribes the signed-in stores to main's events; returns the function that stops them. */
  start(target: Window): () => void {
    const stops = [
      this.account.subscribe(),
      this.quota.subscribe(),
      this.connectivity.watch(target),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /**
   * Called when the shown account changes (signed in, switched, signed out): the stores bind to it
   * and load, or, with none left, nothing of the last person's account stays in memory. A window
   * that opened signed in already has the account's data from its first call (BootState).
   */
  showAccount(accountId: string | undefined): void {
    this.account.bindTo(accountId);
    this.quota.bindTo(accountId);
    if (accountId === undefined) return;
    const opening = this.#boot.takeOpening(accountId);
    if (opening?.account) this.account.apply(opening.account);
    else void this.account.load();
    if (opening?.quota) this.quota.apply(opening.quota);
    else void this.quota.load();
    // Settings serve the views behind the sidebar, not Account: asked for once the quota is drawn.
    void whenIdle().then(() => this.settings.load());
  }
}

/** The window's one AppState: made the first time the shell shows, then kept by the BootState. */
export function signedInState(boot: BootState, target: Window): AppState {
  if (boot.signedIn) return boot.signedIn;
  // Built in a root of its own, not in the component that first shows it: the state outlives that
  // component (adding an account unmounts the shell), and the stores' $derived values, owned by a
  // destroyed component, would keep the last account's figures (its profile beside the new
  // account's quota).
  let app: AppState | undefined;
  const stopRoot = $effect.root(() => {
    app = new AppState(boot);
  });
  const state = app!;
  const stop = state.start(target);
  boot.adopt(state, () => {
    stop();
    stopRoot();
  });
  return state;
}
