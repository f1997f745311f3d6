// One signed-in account's session: its tokens, the client that signs requests with them, and
// renewing them. Tokens live only here (in memory, for the requests) and in the SecretStore under
// this account's own entry; nothing this object hands out ever carries one.

import type { AuthProvider, GreenCloudClient } from '../api/greencloud-client';
import { AppError, toAppErrorData, type AppErrorKind } from '../common/app-error';
import type { Endpoint, TokenStorage } from '../common/bridge-contract';
import type { SecretStore } from '../common/platform-ports';
import {
  canRenew,
  renewalDue,
  secretKeyFor,
  serializeTokens,
  tokensFrom,
  type StoredTokens,
} from './session-tokens';

export interface AccountSessionDeps {
  endpoint: Endpoint;
  email: string;
  tokens: StoredTokens;
  secrets: SecretStore;
  /** Where this run keeps tokens; may turn to memory-only if the keychain fails later. */
  tokenStorage: TokenStorage;
  /** Without `auth` the client signs in and refreshes; it never carries a token. */
  createClient: (baseUrl: string, auth?: AuthProvider) => GreenCloudClient;
  now: () => number;
}

export const sessionEnded = 'Your session has ended. Please sign in again.';
/** Errors that mean the server refused the refresh token or API key: retrying cannot help. */
const refusedKinds: readonly AppErrorKind[] = ['needs-login', 'invalid-credentials', 'validation'];

type EndListener = (reason: string) => void;

export class AccountSession {
  readonly endpoint: Endpoint;
  readonly email: string;
  /** The keychain entry's name, and the account's id across the app. */
  readonly id: string;
  /** Signs its requests with this session's token, renewing it when due. */
  readonly client: GreenCloudClient;
  readonly #authClient: GreenCloudClient;
  readonly #secrets: SecretStore;
  readonly #now: () => number;
  readonly #endListeners = new Set<EndListener>();
  readonly #changeListeners = new Set<() => void>();
  #tokens: StoredTokens;
  #tokenStorage: TokenStorage;
  #renewal: Promise<string> | undefined;
  #ended = false;

  constructor(deps: AccountSessionDeps) {
    this.endpoint = { ...deps.endpoint };
    this.email = deps.email;
    this.id = secretKeyFor(deps.endpoint.baseUrl, deps.email);
    this.#tokens = deps.tokens;
    this.#secrets = deps.secrets;
    this.#tokenStorage = deps.tokenStorage;
    this.#now = deps.now;
    this.#authClient = deps.createClient(deps.endpoint.baseUrl);
    const auth: AuthProvider = {
      accessToken: async () => {
        if (renewalDue(this.#tokens, this.#now()) && canRenew(this.#tokens)) return this.renew();
        return this.#tokens.accessToken;
      },
      // The client asks only after checking that the refused token is still the current one, so a
      // late 401 from before a finished renewal does not spend the rotated refresh token again.
      renewAccessToken: () => this.renew(),
    };
    this.client = deps.createClient(deps.endpoint.baseUrl, auth);
  }

  get tokenStorage(): TokenStorage {
    return { ...this.#tokenStorage };
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Tokens from signing in again to this same account replace the old ones. */
  async replaceTokens(tokens: StoredTokens): Promise<void> {
    this.#tokens = tokens;
    await this.save();
  }

  renewalDue(): boolean {
    return renewalDue(this.#tokens, this.#now());
  }

  /** One renewal at a time: callers arriving while one runs share its result. */
  renew(): Promise<string> {
    this.#renewal ??= this.#runRenewal().finally(() => {
      this.#renewal = undefined;
    });
    return this.#renewal;
  }

  /**
   * Signing out: this account's keychain entry goes, and nothing is stored for it afterwards.
   * False when the entry could not be deleted (the keychain went away or refused): signing out
   * still succeeds, and the caller tells the user the entry is left.
   */
  async end(): Promise<boolean> {
    if (this.#ended) return true;
    this.#ended = true;
    try {
      await this.#secrets.delete(this.id);
      return true;
    } catch {
      return false;
    }
  }

  /** Told once when the server refuses to renew the session (the tokens are then deleted). */
  onEnded(listener: EndListener): () => void {
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  /** Told when the token storage changes (the keychain stopped working). */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  // A keychain that fails after the start-up probe (locked, its daemon gone) must not break the
  // session: the tokens stay in memory for this run, and the state says why.
  async save(): Promise<void> {
    if (this.#ended) return;
    try {
      await this.#secrets.set(this.id, serializeTokens(this.#tokens));
    } catch {
      if (this.#tokenStorage.kind === 'keychain') {
        this.#tokenStorage = {
          kind: 'memory',
          reason:
            'The system keychain stopped working, so you will need to sign in again next time you open GreenCloud.',
        };
        for (const listener of this.#changeListeners) listener();
      }
    }
  }

  async #runRenewal(): Promise<string> {
    const { refreshToken, apiKey } = this.#tokens;
    try {
      let response;
      if (refreshToken !== undefined) response = await this.#authClient.refresh(refreshToken);
      else if (apiKey !== undefined) response = await this.#authClient.loginWithApiKey(apiKey);
      else throw new AppError({ kind: 'needs-login', message: sessionEnded });
      this.#tokens = tokensFrom(response, this.#now(), this.#tokens);
    } catch (error) {
      if (error instanceof AppError && refusedKinds.includes(error.kind)) {
        if (!this.#ended) {
          await this.end();
          for (const listener of this.#endListeners) listener(sessionEnded);
        }
        throw new AppError({ kind: 'needs-login', message: sessionEnded });
      }
      // Offline, timeout, a server error: the session is still good, the next request tries again.
      throw error instanceof AppError ? error : new AppError(toAppErrorData(error));
    }
    // A renewal that finishes after sign-out must not store anything (save() checks).
    await this.save();
    return this.#tokens.accessToken;
  }
}
