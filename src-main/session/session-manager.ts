// The signed-in session: who is signed in where, their tokens, and renewing them. Tokens live only
// here (in memory, for the requests) and in the SecretStore (for the next start); SessionState, the
// settings file, logs and errors never see one.

import type { GreenCloudClient, AuthProvider } from '../api/greencloud-client';
import { AppError, toAppErrorData, type AppErrorKind } from '../common/app-error';
import type { LoginRequest } from '../common/api-schemas';
import type { Endpoint, SessionState, TokenStorage } from '../common/bridge-contract';
import { greencloudApiBaseUrl } from '../core/endpoints';
import { MemorySecretStore } from './memory-secret-store';
import type { SecretStore } from './secret-store';
import {
  keepsTokensInKeychain,
  keychainEntryLeftNotice,
  sandboxTokenStorage,
} from './token-storage-policy';
import {
  canRenew,
  parseTokens,
  renewalDue,
  secretKeyFor,
  serializeTokens,
  tokensFrom,
  type StoredTokens,
} from './session-tokens';

export interface SessionManagerDeps {
  secrets: SecretStore;
  tokenStorage: TokenStorage;
  /** Without `auth` the client is for calls that need no sign-in (login, refresh, reset password). */
  createClient: (baseUrl: string, auth?: AuthProvider) => GreenCloudClient;
  now?: () => number;
  /** The endpoint a signed-out state names before anyone signs in; GreenCloud itself by default. */
  endpoint?: Endpoint;
}

type SessionListener = (state: SessionState) => void;

interface ActiveSession {
  endpoint: Endpoint;
  email: string;
  tokens: StoredTokens;
  /** Signs in and refreshes; never carries a token. */
  authClient: GreenCloudClient;
  client: GreenCloudClient;
  renewal?: Promise<string>;
}

const sessionEnded = 'Your session has ended. Please sign in again.';
/** Errors that mean the server refused the refresh token or API key: retrying cannot help. */
const refusedKinds: readonly AppErrorKind[] = ['needs-login', 'invalid-credentials', 'validation'];

export class SessionManager {
  readonly #secrets: SecretStore;
  /** Sandbox sessions' tokens: never the keychain (token-storage-policy.ts). */
  readonly #sandboxSecrets = new MemorySecretStore();
  readonly #createClient: SessionManagerDeps['createClient'];
  readonly #now: () => number;
  readonly #listeners = new Set<SessionListener>();
  #tokenStorage: TokenStorage;
  #endpoint: Endpoint;
  #current: ActiveSession | undefined;
  /** Said on the signed-out state after a sign-out that left a keychain entry behind. */
  #signedOutNotice: string | undefined;

  constructor(deps: SessionManagerDeps) {
    this.#secrets = deps.secrets;
    this.#tokenStorage = deps.tokenStorage;
    this.#createClient = deps.createClient;
    this.#now = deps.now ?? Date.now;
    this.#endpoint = deps.endpoint ?? { kind: 'greencloud', baseUrl: greencloudApiBaseUrl };
  }

  state(): SessionState {
    const session = this.#current;
    if (!session) {
      return {
        status: 'signed-out',
        endpoint: { ...this.#endpoint },
        ...(this.#signedOutNotice === undefined ? {} : { notice: this.#signedOutNotice }),
      };
    }
    return {
      status: 'signed-in',
      email: session.email,
      endpoint: { ...session.endpoint },
      tokenStorage: keepsTokensInKeychain(session.endpoint)
        ? { ...this.#tokenStorage }
        : { ...sandboxTokenStorage },
    };
  }

  /** An AppError 'twofa-required' passes through untouched: the view then asks for the code. */
  async signIn(endpoint: Endpoint, request: LoginRequest): Promise<SessionState> {
    const authClient = this.#createClient(endpoint.baseUrl);
    const response = await authClient.login(request);
    const session = this.#open(
      endpoint,
      request.email.trim(),
      tokensFrom(response, this.#now()),
      authClient,
    );
    await this.#replaceWith(session);
    return this.state();
  }

  /** The token exchange does not say whose key it was, so the email comes from GET /user. */
  async signInWithApiKey(endpoint: Endpoint, key: string): Promise<SessionState> {
    const authClient = this.#createClient(endpoint.baseUrl);
    const response = await authClient.loginWithApiKey(key);
    const tokens = tokensFrom(response, this.#now(), { apiKey: key.trim() });
    const session = this.#open(endpoint, '', tokens, authClient);
    session.email = (await session.client.getAccount()).email;
    await this.#replaceWith(session);
    return this.state();
  }

  /**
   * Picks up the session kept in the keychain at the last run. Signed out when nothing is stored or
   * the server refuses to renew it; a network failure keeps the session (renewal is retried on the
   * next request), so being offline at start does not cost the user their sign-in.
   */
  async restore(endpoint: Endpoint, email: string): Promise<SessionState> {
    const key = secretKeyFor(endpoint.baseUrl, email);
    const current = this.#current;
    if (current && secretKeyFor(current.endpoint.baseUrl, current.email) === key)
      return this.state();

    let tokens: StoredTokens | undefined;
    try {
      const secrets = this.#secretsFor(endpoint);
      const text = await secrets.get(key);
      tokens = text === null ? undefined : parseTokens(text);
      if (text !== null && !tokens) await secrets.delete(key);
    } catch {
      // An unreadable keychain is the same as an empty one here: the user signs in again.
    }
    if (!tokens) return this.state();

    const session = this.#open(endpoint, email, tokens, this.#createClient(endpoint.baseUrl));
    await this.#replaceWith(session, { save: false });
    if (renewalDue(tokens, this.#now())) {
      await this.#renew(session).catch(() => undefined);
    }
    return this.state();
  }

  async signOut(): Promise<SessionState> {
    const session = this.#current;
    if (session) await this.#end(session);
    return this.state();
  }

  /** The client that signs its requests with this session's token. */
  client(): GreenCloudClient {
    if (!this.#current)
      throw new AppError({ kind: 'needs-login', message: 'Please sign in to GreenCloud first.' });
    return this.#current.client;
  }

  /** For the calls that work signed out: reset password, set a new one with the emailed code. */
  unauthenticatedClient(endpoint: Endpoint): GreenCloudClient {
    return this.#createClient(endpoint.baseUrl);
  }

  onChange(listener: SessionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- Inside ----

  #open(
    endpoint: Endpoint,
    email: string,
    tokens: StoredTokens,
    authClient: GreenCloudClient,
  ): ActiveSession {
    const session: ActiveSession = {
      endpoint: { ...endpoint },
      email,
      tokens,
      authClient,
      client: authClient,
    };
    const auth: AuthProvider = {
      accessToken: async () => {
        if (renewalDue(session.tokens, this.#now()) && canRenew(session.tokens))
          return this.#renew(session);
        return session.tokens.accessToken;
      },
      // The client asks only after checking that the refused token is still the current one, so a
      // late 401 from before a finished renewal does not spend the rotated refresh token again.
      renewAccessToken: () => this.#renew(session),
    };
    session.client = this.#createClient(endpoint.baseUrl, auth);
    return session;
  }

  /** One renewal at a time per session: callers arriving while one runs share its result. */
  #renew(session: ActiveSession): Promise<string> {
    session.renewal ??= this.#runRenewal(session).finally(() => {
      session.renewal = undefined;
    });
    return session.renewal;
  }

  async #runRenewal(session: ActiveSession): Promise<string> {
    const { refreshToken, apiKey } = session.tokens;
    try {
      let response;
      if (refreshToken !== undefined) response = await session.authClient.refresh(refreshToken);
      else if (apiKey !== undefined) response = await session.authClient.loginWithApiKey(apiKey);
      else throw new AppError({ kind: 'needs-login', message: sessionEnded });
      session.tokens = tokensFrom(response, this.#now(), session.tokens);
    } catch (error) {
      if (error instanceof AppError && refusedKinds.includes(error.kind)) {
        if (this.#current === session) await this.#end(session);
        throw new AppError({ kind: 'needs-login', message: sessionEnded });
      }
      // Offline, timeout, a server error: the session is still good, the next request tries again.
      throw error instanceof AppError ? error : new AppError(toAppErrorData(error));
    }
    // A renewal that finishes after sign-out (or after someone else signed in) must not store anything.
    if (this.#current === session) await this.#save(session);
    return session.tokens.accessToken;
  }

  async #replaceWith(
    session: ActiveSession,
    options: { save: boolean } = { save: true },
  ): Promise<void> {
    const previous = this.#current;
    const sameEntry =
      previous !== undefined &&
      secretKeyFor(previous.endpoint.baseUrl, previous.email) ===
        secretKeyFor(session.endpoint.baseUrl, session.email);
    // Signing in as someone else signs the previous account out, tokens and all.
    if (previous && !sameEntry) await this.#deleteTokens(previous);
    this.#current = session;
    this.#signedOutNotice = undefined;
    this.#endpoint = { ...session.endpoint };
    if (options.save) await this.#save(session);
    this.#emit();
  }

  async #end(session: ActiveSession): Promise<void> {
    this.#current = undefined;
    this.#endpoint = { ...session.endpoint };
    await this.#deleteTokens(session);
    this.#emit();
  }

  async #deleteTokens(session: ActiveSession): Promise<void> {
    try {
      await this.#secretsFor(session.endpoint).delete(
        secretKeyFor(session.endpoint.baseUrl, session.email),
      );
    } catch {
      // The keychain went away or refused: signing out still succeeds, but the entry (with a
      // refresh token in it) is still there, so the user is told and can remove it.
      this.#signedOutNotice = keychainEntryLeftNotice(session.email);
    }
  }

  #secretsFor(endpoint: Endpoint): SecretStore {
    return keepsTokensInKeychain(endpoint) ? this.#secrets : this.#sandboxSecrets;
  }

  // A keychain that fails after the start-up probe (locked, its daemon gone) must not break the
  // session: the tokens stay in memory for this run, and the state says why.
  async #save(session: ActiveSession): Promise<void> {
    try {
      await this.#secretsFor(session.endpoint).set(
        secretKeyFor(session.endpoint.baseUrl, session.email),
        serializeTokens(session.tokens),
      );
    } catch {
      if (this.#tokenStorage.kind === 'keychain') {
        this.#tokenStorage = {
          kind: 'memory',
          reason:
            'The system keychain stopped working, so you will need to sign in again next time you open GreenCloud.',
        };
        this.#emit();
      }
    }
  }

  #emit(): void {
    const state = this.state();
    for (const listener of this.#listeners) {
      try {
        listener(state);
      } catch {
        // One listener's failure must not keep the others (the window, the tray) from hearing it.
      }
    }
  }
}
