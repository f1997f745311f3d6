// Who is signed in, against which server: the account the window shows and every account beside
// it. Main owns the sessions (tokens never reach the renderer); this store mirrors its state from
// call results and the `sessionChanged` event, and knows when the user is adding an account.

import type { BridgeResult } from '../../src-main/common/app-error';
import type {
  AccountEntry,
  GreenCloudBridge,
  SessionState,
  StartState,
} from '../../src-main/common/bridge-contract';
import type { LoginRequest, SetPasswordRequest } from '../../src-main/common/api-schemas';
import { listen, settle, type AppErrorData } from './bridge';

const sessionEndedSentence = 'Your session has ended. Please sign in again.';

export class SessionStore {
  readonly #bridge: GreenCloudBridge;
  #state = $state<SessionState | null>(null);
  #loadError = $state<AppErrorData | null>(null);
  /** Why the sign-in screen is showing, when the session ended without the user signing out. */
  #endedNotice = $state<string | null>(null);
  /** Who was signed in when the session ended by itself: the sign-in form starts with it. */
  #endedEmail = $state<string | undefined>(undefined);
  /** Set while the user's own sign-out runs, so its signed-out state is not read as an expiry. */
  #signingOut = false;
  /** Showing the sign-in screen to add an account while others stay signed in. */
  #adding = $state(false);
  /** The email to sign in with again (an account that needs it), when adding. */
  #addingEmail = $state<string | undefined>(undefined);

  readonly signedIn = $derived(this.#state?.status === 'signed-in');
  readonly isSandbox = $derived(this.#state?.endpoint.kind === 'sandbox');

  constructor(bridge: GreenCloudBridge) {
    this.#bridge = bridge;
  }

  /** null until main has answered. */
  get state(): SessionState | null {
    return this.#state;
  }
  get loadError(): AppErrorData | null {
    return this.#loadError;
  }
  get endedNotice(): string | null {
    return this.#endedNotice;
  }
  get endedEmail(): string | undefined {
    return this.#endedEmail;
  }
  /** The account the window shows; every call about an account names this one. */
  get accountId(): string | undefined {
    return this.#state?.status === 'signed-in' ? this.#state.accountId : undefined;
  }
  get accounts(): AccountEntry[] {
    return this.#state?.accounts ?? [];
  }
  get adding(): boolean {
    return this.#adding;
  }
  get addingEmail(): string | undefined {
    return this.#addingEmail;
  }
  get email(): string | undefined {
    return this.#state?.status === 'signed-in' ? this.#state.email : undefined;
  }
  get endpoint() {
    return this.#state?.endpoint;
  }
  get tokenStorage() {
    return this.#state?.status === 'signed-in' ? this.#state.tokenStorage : undefined;
  }

  subscribe(): () => void {
    return listen(this.#bridge.onSessionChanged?.bind(this.#bridge), (state) => this.apply(state));
  }

  apply(state: SessionState): void {
    // Signed in, then signed out without asking: main dropped a session the server no longer
    // honours (or could not renew). Say so on the sign-in screen instead of silently moving there.
    if (this.#state?.status === 'signed-in' && state.status === 'signed-out') {
      this.#endedNotice = state.notice ?? (this.#signingOut ? null : sessionEndedSentence);
      this.#endedEmail =
        this.#signingOut || this.#state.endpoint.kind === 'sandbox' ? undefined : this.#state.email;
      this.#signingOut = false;
    }
    if (state.status === 'signed-in') {
      this.#endedNotice = null;
      this.#endedEmail = undefined;
    }
    this.#state = state;
    this.#loadError = null;
  }

  /**
   * The window's first call (and "Try again"): main's state, with the shown account's data, which
   * `opening` receives before the state applies (so the signed-in side finds it when it shows).
   */
  async load(opening: (start: StartState) => void = () => {}): Promise<void> {
    this.#loadError = null;
    const result = await settle(() => this.#bridge.getStartState());
    if (!result.ok) {
      this.#loadError = result.error;
      return;
    }
    opening(result.value);
    this.apply(result.value.session);
  }

  signIn(request: LoginRequest) {
    return this.#applying(() => this.#bridge.signIn(request));
  }
  signInWithApiKey(key: string) {
    return this.#applying(() => this.#bridge.signInWithApiKey({ key }));
  }
  trySandbox() {
    return this.#applying(() => this.#bridge.trySandbox());
  }
  /** Shows the sign-in screen to add another account (or sign one in again), keeping the rest. */
  startAdding(email?: string): void {
    this.#adding = true;
    this.#addingEmail = email;
  }
  stopAdding(): void {
    this.#adding = false;
    this.#addingEmail = undefined;
  }
  switchAccount(accountId: string) {
    return this.#applying(() => this.#bridge.switchAccount({ accountId }));
  }
  /** Signs out of the shown account (or the one named); the others stay signed in. */
  async signOut(accountId = this.accountId) {
    if (accountId === undefined) return this.#applying(() => this.#bridge.getSessionState());
    this.#signingOut = true;
    const result = await this.#applying(() => this.#bridge.signOut({ accountId }));
    if (!result.ok) this.#signingOut = false;
    return result;
  }
  async signOutAll() {
    this.#signingOut = true;
    const result = await this.#applying(() => this.#bridge.signOutAll());
    if (!result.ok) this.#signingOut = false;
    return result;
  }
  requestPasswordReset(email: string) {
    return settle(() => this.#bridge.requestPasswordReset({ email }));
  }
  setPasswordWithCode(request: SetPasswordRequest) {
    return settle(() => this.#bridge.setPasswordWithCode(request));
  }

  async #applying(
    run: () => Promise<BridgeResult<SessionState>>,
  ): Promise<BridgeResult<SessionState>> {
    const result = await settle(run);
    if (result.ok) {
      this.apply(result.value);
      if (result.value.status === 'signed-in') this.stopAdding();
    }
    return result;
  }
}
