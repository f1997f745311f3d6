// The shown account as main last fetched it. A failed refresh never blanks the data: the snapshot
// stays, marked stale with its time, and the error is kept beside it for the views to explain.
// Bound to one account at a time (bindTo): every call names it, events about others are ignored.

import type { BridgeResult } from '../../src-main/common/app-error';
import type { AccountSnapshot, GreenCloudBridge } from '../../src-main/common/bridge-contract';
import type { ChangePasswordRequest, FlagsRequest } from '../../src-main/common/api-schemas';
import { listen, settle, type AppErrorData } from './bridge';

export type Flags = FlagsRequest;

export class AccountStore {
  readonly #bridge: GreenCloudBridge;
  #accountId = $state<string | undefined>(undefined);
  #snapshot = $state<AccountSnapshot | null>(null);
  #loading = $state(false);
  #error = $state<AppErrorData | null>(null);
  /** Flags shown while a change is in flight, so the toggles move at once. */
  #pendingFlags = $state<Flags | null>(null);

  readonly account = $derived(this.#snapshot?.account);
  readonly stale = $derived(this.#snapshot?.stale ?? false);
  readonly flags = $derived<Flags>(
    this.#pendingFlags ?? {
      bundleAutoRenewal: this.#snapshot?.account.flags?.bundleAutoRenewal ?? false,
      lowQuotaNotification: this.#snapshot?.account.flags?.lowQuotaNotification ?? false,
    },
  );

  constructor(bridge: GreenCloudBridge) {
    this.#bridge = bridge;
  }

  /** The account this store shows, or undefined when none is signed in. */
  get id(): string {
    // An unbound store names no account: main refuses the call with a sentence.
    return this.#accountId ?? '';
  }

  /** Shows another account: the last one's data is dropped at once. */
  bindTo(accountId: string | undefined): void {
    if (accountId === this.#accountId) return;
    this.#accountId = accountId;
    this.clear();
  }

  get snapshot(): AccountSnapshot | null {
    return this.#snapshot;
  }
  get fetchedAt(): number | undefined {
    return this.#snapshot?.fetchedAt;
  }
  get loading(): boolean {
    return this.#loading;
  }
  /** The last refresh's failure: with no snapshot it is the view's error state. */
  get error(): AppErrorData | null {
    return this.#error ?? this.#snapshot?.lastError ?? null;
  }
  get flagsPending(): boolean {
    return this.#pendingFlags !== null;
  }

  subscribe(): () => void {
    return listen(this.#bridge.onAccountChanged?.bind(this.#bridge), ({ accountId, snapshot }) => {
      if (accountId !== this.#accountId) return;
      if (snapshot) this.apply(snapshot);
      else this.clear();
    });
  }

  apply(snapshot: AccountSnapshot): void {
    this.#snapshot = snapshot;
    if (!snapshot.stale) this.#error = null;
  }

  clear(): void {
    this.#snapshot = null;
    this.#error = null;
    this.#pendingFlags = null;
  }

  /** The cached snapshot if main has one, otherwise a fresh fetch. */
  async load(): Promise<void> {
    if (this.#loading) return;
    this.#loading = true;
    this.#error = null;
    const cached = await settle(() => this.#bridge.getAccount({ accountId: this.id }));
    this.#loading = false;
    if (!cached.ok) {
      this.#error = cached.error;
      return;
    }
    if (cached.value) this.apply(cached.value);
    else await this.refresh();
  }

  async refresh(): Promise<void> {
    if (this.#loading) return;
    this.#loading = true;
    const result = await settle(() => this.#bridge.refreshAccount({ accountId: this.id }));
    this.#loading = false;
    if (result.ok) this.apply(result.value);
    else this.#error = result.error;
  }

  /**
   * Both flags are always sent: the API turns off a flag that is left out. The toggles show the
   * new values at once and fall back to the old ones if the server refuses.
   */
  async setFlags(next: Flags): Promise<BridgeResult<AccountSnapshot>> {
    this.#pendingFlags = next;
    const result = await settle(() => this.#bridge.setFlags({ accountId: this.id, ...next }));
    if (result.ok) this.apply(result.value);
    this.#pendingFlags = null;
    return result;
  }

  changePassword(request: ChangePasswordRequest) {
    return settle(() => this.#bridge.changePassword({ accountId: this.id, ...request }));
  }
  revealApiKey() {
    return settle(() => this.#bridge.revealApiKey({ accountId: this.id }));
  }
  copyApiKey() {
    return settle(() => this.#bridge.copyApiKey({ accountId: this.id }));
  }
  /** Copies the 2FA secret being set up; main clears the clipboard again after a minute. */
  copyTwoFactorSecret() {
    return settle(() => this.#bridge.copyTwoFactorSecret({ accountId: this.id }));
  }
  beginTwoFactor() {
    return settle(() => this.#bridge.beginTwoFactor({ accountId: this.id }));
  }
  verifyTwoFactor(code: string) {
    return this.#applying(() => this.#bridge.verifyTwoFactor({ accountId: this.id, code }));
  }
  disableTwoFactor(code: string) {
    return this.#applying(() => this.#bridge.disableTwoFactor({ accountId: this.id, code }));
  }
  // Money actions (bundle, refill, card) live in billing-store.svelte.ts.

  async #applying(
    run: () => Promise<BridgeResult<AccountSnapshot>>,
  ): Promise<BridgeResult<AccountSnapshot>> {
    const result = await settle(run);
    if (result.ok) this.apply(result.value);
    return result;
  }
}
