// The renderer's state that the window needs before anyone is signed in: the session, the settings
// and the router, in the sign-in screen's first load. The signed-in side (the account, the quota,
// connectivity: app-state.svelte.ts) comes with the shell's chunk and is built over this one.

import type {
  AccountSnapshot,
  GreenCloudBridge,
  QuotaStatus,
} from '../../src-main/common/bridge-contract';
import type { AppState } from './app-state.svelte';
import { listen } from './bridge';
import { Router } from './router.svelte';
import { SessionStore } from './session-store.svelte';
import { SettingsStore } from './settings-store.svelte';

/** The shown account's data as main held it when the window opened (null: not fetched yet). */
export interface OpeningData {
  accountId: string;
  account: AccountSnapshot | null;
  quota: QuotaStatus | null;
}

export class BootState {
  readonly bridge: GreenCloudBridge;
  readonly session: SessionStore;
  readonly settings: SettingsStore;
  readonly router = new Router();
  /** The signed-in side, made by the shell's chunk the first time it shows (adopt). */
  signedIn: AppState | undefined;
  #opening: OpeningData | undefined;
  readonly #stops: (() => void)[] = [];

  constructor(bridge: GreenCloudBridge) {
    this.bridge = bridge;
    this.session = new SessionStore(bridge);
    this.settings = new SettingsStore(bridge);
  }

  /** Subscribes to main's events and loads the session; returns the function that stops it all. */
  start(): () => void {
    this.#stops.push(
      this.session.subscribe(),
      listen(this.bridge.onNavigate?.bind(this.bridge), (request) =>
        this.router.handle(request, this.session.signedIn),
      ),
      // Until the signed-in side takes the opening data, main's events keep it current.
      listen(this.bridge.onAccountChanged?.bind(this.bridge), ({ accountId, snapshot }) => {
        if (this.#opening?.accountId === accountId) this.#opening.account = snapshot ?? null;
      }),
      listen(this.bridge.onQuotaChanged?.bind(this.bridge), ({ accountId, status }) => {
        if (this.#opening?.accountId === accountId) this.#opening.quota = status;
      }),
    );
    void this.load();
    return () => this.#stops.splice(0).forEach((stop) => stop());
  }

  /**
   * The window's first call: the session state, and with it the data main holds for the account
   * it shows, so an already signed-in window needs no second round trip before its quota shows.
   */
  load(): Promise<void> {
    return this.session.load(({ session, account, quota }) => {
      this.#opening =
        session.status === 'signed-in'
          ? { accountId: session.accountId, account, quota }
          : undefined;
    });
  }

  /** The opening data, once, if it is about this account; later loads ask main again. */
  takeOpening(accountId: string): OpeningData | undefined {
    const opening = this.#opening?.accountId === accountId ? this.#opening : undefined;
    this.#opening = undefined;
    return opening;
  }

  /** Keeps the signed-in side for the window's life: adding an account and coming back finds it. */
  adopt(signedIn: AppState, stop: () => void): void {
    this.signedIn = signedIn;
    this.#stops.push(stop);
  }

  /** Nobody is shown any more: nothing of the last person's account stays in memory. */
  forgetShown(): void {
    this.#opening = undefined;
    this.signedIn?.showAccount(undefined);
    this.router.reset();
  }
}
