// The signed-in sessions, one per account (endpoint and email), up to a limit. Signing in, restoring
// from the keychain at start, and signing out of one account without touching the others' tokens.
// Each session's tokens and renewal live in its AccountSession; this class only keeps the set.

import type { AuthProvider, GreenCloudClient } from '../api/greencloud-client';
import { AppError } from '../common/app-error';
import type { LoginRequest } from '../common/api-schemas';
import { maxAccounts, type Endpoint, type TokenStorage } from '../common/bridge-contract';
import type { SecretStore } from '../common/platform-ports';
import { AccountSession, sessionEnded } from './account-session';
import { MemorySecretStore } from './memory-secret-store';
import {
  keepsTokensInKeychain,
  keychainEntryLeftNotice,
  sandboxTokenStorage,
} from './token-storage-policy';
import {
  parseTokens,
  renewalDue,
  secretKeyFor,
  tokensFrom,
  type StoredTokens,
} from './session-tokens';

export interface SessionManagerDeps {
  secrets: SecretStore;
  tokenStorage: TokenStorage;
  /** Without `auth` the client is for calls that need no sign-in (login, refresh, reset password). */
  createClient: (baseUrl: string, auth?: AuthProvider) => GreenCloudClient;
  now?: () => number;
  /** How many sessions at once; the contract's maxAccounts by default. */
  maxSessions?: number;
}

/** What changed: a session began, ended by the user, ended by the server, or its storage changed. */
export type SessionChange =
  | { kind: 'added'; session: AccountSession }
  | { kind: 'signed-out'; id: string }
  | { kind: 'ended'; id: string; reason: string }
  | { kind: 'storage'; id: string };

export type RestoreOutcome =
  { status: 'restored'; session: AccountSession } | { status: 'needs-sign-in'; reason: string };

const reasons = {
  missing:
    'GreenCloud Desktop no longer finds this account’s sign-in in the system keychain. Please sign in again.',
  unreadable: 'The system keychain could not be read. Please sign in again.',
  corrupt: 'The stored sign-in for this account could not be read. Please sign in again.',
};

export function tooManyAccounts(max: number): AppError {
  return new AppError({
    kind: 'not-allowed',
    message: `GreenCloud Desktop keeps at most ${max} accounts signed in at once. Sign out of one to add another.`,
  });
}

export class SessionManager {
  readonly #secrets: SecretStore;
  /** Sandbox sessions' tokens: never the keychain (token-storage-policy.ts). */
  readonly #sandboxSecrets = new MemorySecretStore();
  readonly #createClient: SessionManagerDeps['createClient'];
  readonly #now: () => number;
  readonly #max: number;
  readonly #tokenStorage: TokenStorage;
  readonly #sessions = new Map<string, AccountSession>();
  readonly #listeners = new Set<(change: SessionChange) => void>();

  constructor(deps: SessionManagerDeps) {
    this.#secrets = deps.secrets;
    this.#tokenStorage = deps.tokenStorage;
    this.#createClient = deps.createClient;
    this.#now = deps.now ?? Date.now;
    this.#max = deps.maxSessions ?? maxAccounts;
  }

  get(id: string): AccountSession | undefined {
    return this.#sessions.get(id);
  }

  sessions(): AccountSession[] {
    return [...this.#sessions.values()];
  }

  /**
   * An AppError 'twofa-required' passes through untouched: the view then asks for the code.
   * Signing in to an account that already has a session refreshes its tokens and returns it.
   */
  async signIn(endpoint: Endpoint, request: LoginRequest): Promise<AccountSession> {
    const email = request.email.trim();
    // Refused before the password leaves the machine: the server need not see a login we will drop.
    this.#checkRoomFor(secretKeyFor(endpoint.baseUrl, email));
    const response = await this.#createClient(endpoint.baseUrl).login(request);
    return this.#add(endpoint, email, tokensFrom(response, this.#now()));
  }

  /** The token exchange does not say whose key it was, so the email comes from GET /user. */
  async signInWithApiKey(endpoint: Endpoint, key: string): Promise<AccountSession> {
    const response = await this.#createClient(endpoint.baseUrl).loginWithApiKey(key);
    const tokens = tokensFrom(response, this.#now(), { apiKey: key.trim() });
    // A throwaway session learns the email; it stores nothing, and the real one saves once it is known.
    const probe = this.#session(endpoint, '', tokens, new MemorySecretStore());
    const email = (await probe.client.getAccount()).email;
    this.#checkRoomFor(secretKeyFor(endpoint.baseUrl, email));
    return this.#add(endpoint, email, tokens);
  }

  /**
   * Picks up a session kept in the keychain at the last run. It needs signing in again when nothing
   * usable is stored or the server refuses to renew it; a network failure keeps the session (renewal
   * is retried on the next request), so being offline at start does not cost anyone their sign-in.
   */
  async restore(endpoint: Endpoint, email: string): Promise<RestoreOutcome> {
    const id = secretKeyFor(endpoint.baseUrl, email);
    const existing = this.#sessions.get(id);
    if (existing) return { status: 'restored', session: existing };

    let tokens: StoredTokens | undefined;
    try {
      const secrets = this.#secretsFor(endpoint);
      const text = await secrets.get(id);
      if (text === null) return { status: 'needs-sign-in', reason: reasons.missing };
      tokens = parseTokens(text);
      if (!tokens) {
        await secrets.delete(id);
        return { status: 'needs-sign-in', reason: reasons.corrupt };
      }
    } catch {
      return { status: 'needs-sign-in', reason: reasons.unreadable };
    }
    this.#checkRoomFor(id);
    const session = this.#session(endpoint, email, tokens);
    if (renewalDue(tokens, this.#now())) {
      try {
        await session.renew();
      } catch {
        if (session.ended) return { status: 'needs-sign-in', reason: sessionEnded };
      }
    }
    this.#track(session);
    return { status: 'restored', session };
  }

  /**
   * Ends one account's session and deletes only its tokens. Resolves with a sentence for the user
   * when the keychain entry (a refresh token in it) could not be removed.
   */
  async signOut(id: string): Promise<string | undefined> {
    const session = this.#sessions.get(id);
    if (!session) return undefined;
    this.#sessions.delete(id);
    const removed = await session.end();
    this.#emit({ kind: 'signed-out', id });
    return removed ? undefined : keychainEntryLeftNotice(session.email);
  }

  /** For the calls that work signed out: reset password, set a new one with the emailed code. */
  unauthenticatedClient(endpoint: Endpoint): GreenCloudClient {
    return this.#createClient(endpoint.baseUrl);
  }

  onChange(listener: (change: SessionChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- Inside ----

  #checkRoomFor(id: string): void {
    if (!this.#sessions.has(id) && this.#sessions.size >= this.#max)
      throw tooManyAccounts(this.#max);
  }

  async #add(endpoint: Endpoint, email: string, tokens: StoredTokens): Promise<AccountSession> {
    const existing = this.#sessions.get(secretKeyFor(endpoint.baseUrl, email));
    if (existing) {
      await existing.replaceTokens(tokens);
      return existing;
    }
    const session = this.#session(endpoint, email, tokens);
    await session.save();
    this.#track(session);
    return session;
  }

  #session(
    endpoint: Endpoint,
    email: string,
    tokens: StoredTokens,
    secrets: SecretStore = this.#secretsFor(endpoint),
  ): AccountSession {
    return new AccountSession({
      endpoint,
      email,
      tokens,
      secrets,
      tokenStorage: keepsTokensInKeychain(endpoint) ? this.#tokenStorage : sandboxTokenStorage,
      createClient: this.#createClient,
      now: this.#now,
    });
  }

  #secretsFor(endpoint: Endpoint): SecretStore {
    return keepsTokensInKeychain(endpoint) ? this.#secrets : this.#sandboxSecrets;
  }

  #track(session: AccountSession): void {
    this.#sessions.set(session.id, session);
    session.onEnded((reason) => {
      if (this.#sessions.get(session.id) !== session) return;
      this.#sessions.delete(session.id);
      this.#emit({ kind: 'ended', id: session.id, reason });
    });
    session.onChange(() => this.#emit({ kind: 'storage', id: session.id }));
    this.#emit({ kind: 'added', session });
  }

  #emit(change: SessionChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch {
        // One listener's failure must not keep the others (the window, the tray) from hearing it.
      }
    }
  }
}
