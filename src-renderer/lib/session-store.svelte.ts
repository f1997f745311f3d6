// Who is signed in, against which server. Main owns the session (tokens never reach the renderer);
// this store mirrors its state from call results and the `sessionChanged` event.

import type { BridgeResult } from '../../src-main/common/app-error';
import type { GreenCloudBridge, SessionState } from '../../src-main/common/bridge-contract';
import type { LoginRequest, SetPasswordRequest } from '../../src-main/common/api-schemas';
import { listen, settle, type AppErrorData } from './bridge';

export class SessionStore {
  readonly #bridge: GreenCloudBridge;
  #state = $state<SessionState | null>(null);
  #loadError = $state<AppErrorData | null>(null);

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
    this.#state = state;
    this.#loadError = null;
  }

  async load(): Promise<void> {
    this.#loadError = null;
    const result = await settle(() => this.#bridge.getSessionState());
    if (result.ok) this.apply(result.value);
    else this.#loadError = result.error;
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
  signOut() {
    return this.#applying(() => this.#bridge.signOut());
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
    if (result.ok) this.apply(result.value);
    return result;
  }
}
