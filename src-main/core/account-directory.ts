// Every account the app knows: the signed-in ones (a SignedInAccount each) and the remembered ones
// that need signing in again, in the order they were added, plus which one the window shows. It
// follows the session manager (a session begins: an account object is made; it ends: the object
// is disposed), remembers the list in settings and restores it at start.

import { AppError } from '../common/app-error';
import type { AccountEntry, Endpoint, SessionState } from '../common/bridge-contract';
import type { SessionManager } from '../session/session-manager';
import type { AccountSession } from '../session/account-session';
// An account's id is its keychain entry's name.
import { secretKeyFor } from '../session/session-tokens';
import { endpointFromSettings } from '../settings/endpoints';
import type { RememberedAccount, SettingsStore } from '../settings/settings-store';
import type { CoreEmit, SignedInAccount } from './signed-in-account';

type Entry =
  | { status: 'signed-in'; account: SignedInAccount }
  | { status: 'needs-sign-in'; email: string; endpoint: Endpoint; reason: string };

export interface AccountDirectoryDeps {
  sessions: SessionManager;
  settings: SettingsStore;
  createAccount: (session: AccountSession) => SignedInAccount;
  emit: CoreEmit;
}

const notSignedIn = () =>
  new AppError({
    kind: 'needs-login',
    message: 'That account is not signed in. Choose it in the account menu to sign in again.',
  });

export class AccountDirectory {
  readonly #deps: AccountDirectoryDeps;
  readonly #entries = new Map<string, Entry>();
  /** Disposals still writing their history; shutdown waits for them. */
  readonly #disposals = new Set<Promise<void>>();
  #currentId: string | undefined;
  /** Said on the signed-out state after a sign-out that left a keychain entry behind. */
  #signedOutNotice: string | undefined;

  constructor(deps: AccountDirectoryDeps) {
    this.#deps = deps;
    deps.sessions.onChange((change) => {
      if (change.kind === 'added') this.#adopt(change.session);
      else if (change.kind === 'ended') this.#drop(change.id, change.reason);
      else if (change.kind === 'signed-out') this.#drop(change.id);
      else this.#publish();
    });
  }

  /** The signed-in account with this id; throws 'needs-login' for any other. */
  get(id: string): SignedInAccount {
    const entry = this.#entries.get(id);
    if (entry?.status !== 'signed-in') throw notSignedIn();
    return entry.account;
  }

  current(): SignedInAccount | undefined {
    const entry = this.#currentId === undefined ? undefined : this.#entries.get(this.#currentId);
    return entry?.status === 'signed-in' ? entry.account : undefined;
  }

  signedIn(): SignedInAccount[] {
    return [...this.#entries.values()].flatMap((entry) =>
      entry.status === 'signed-in' ? [entry.account] : [],
    );
  }

  state(): SessionState {
    const accounts = [...this.#entries.entries()].map(([id, entry]) => entryView(id, entry));
    const current = this.current();
    if (!current)
      return {
        status: 'signed-out',
        endpoint: endpointFromSettings(this.#deps.settings.get()),
        accounts,
        ...(this.#signedOutNotice === undefined ? {} : { notice: this.#signedOutNotice }),
      };
    return {
      status: 'signed-in',
      accountId: current.id,
      email: current.email,
      endpoint: { ...current.session.endpoint },
      tokenStorage: current.session.tokenStorage,
      accounts,
    };
  }

  /** Shows this account in the window (after signing in to it, or from the menu). */
  show(id: string): SessionState {
    this.get(id);
    this.#currentId = id;
    this.#publish();
    return this.state();
  }

  /** Signs out of one account: only its watcher stops and only its tokens go. */
  async signOut(id: string): Promise<SessionState> {
    if (this.#entries.get(id)?.status === 'needs-sign-in') {
      this.#entries.delete(id);
      this.#publish();
    } else {
      const notice = await this.#deps.sessions.signOut(id);
      if (notice !== undefined) {
        this.#signedOutNotice = notice;
        this.#publish();
      }
    }
    return this.state();
  }

  async signOutAll(): Promise<SessionState> {
    for (const id of [...this.#entries.keys()]) await this.signOut(id);
    return this.state();
  }

  /**
   * Restores every remembered account at once, so a slow or failing one holds up none of the
   * others; one that cannot be restored stays listed with the reason.
   */
  async restoreAll(): Promise<void> {
    const { settings, sessions } = this.#deps;
    const remembered = settings.rememberedAccounts();
    const wanted = settings.currentAccount();
    // Listed in their remembered order from the start, whichever restore finishes first.
    for (const { kind, baseUrl, email } of remembered) {
      this.#entries.set(secretKeyFor(baseUrl, email), {
        status: 'needs-sign-in',
        email,
        endpoint: { kind, baseUrl },
        reason: 'Signing in…',
      });
    }
    await Promise.all(
      remembered.map(async ({ kind, baseUrl, email }) => {
        const id = secretKeyFor(baseUrl, email);
        const outcome = await sessions
          .restore({ kind, baseUrl }, email)
          .catch((error: unknown) => ({
            status: 'needs-sign-in' as const,
            reason: error instanceof AppError ? error.message : 'It could not be restored.',
          }));
        if (outcome.status === 'needs-sign-in') {
          this.#entries.set(id, {
            status: 'needs-sign-in',
            email,
            endpoint: { kind, baseUrl },
            reason: outcome.reason,
          });
        }
      }),
    );
    const restored = this.signedIn();
    this.#currentId = restored.find((account) => account.id === wanted)?.id ?? restored[0]?.id;
    this.#publish();
  }

  /** Disposes every account (at quit); their tokens stay for the next start. */
  async dispose(): Promise<void> {
    for (const account of this.signedIn()) this.#track(account.dispose());
    await Promise.allSettled([...this.#disposals]);
  }

  // ---- Inside ----

  #adopt(session: AccountSession): void {
    this.#signedOutNotice = undefined;
    const account = this.#deps.createAccount(session);
    this.#entries.set(session.id, { status: 'signed-in', account });
    account.start();
    this.#publish();
  }

  #drop(id: string, reason?: string): void {
    const entry = this.#entries.get(id);
    if (entry?.status !== 'signed-in') return;
    this.#track(entry.account.dispose());
    const { endpoint } = entry.account.session;
    // Ended by the server: kept in the list as needing sign-in, so the user sees why.
    if (reason !== undefined)
      this.#entries.set(id, {
        status: 'needs-sign-in',
        email: entry.account.email,
        endpoint,
        reason,
      });
    else this.#entries.delete(id);
    if (this.#currentId === id) this.#currentId = this.signedIn()[0]?.id;
    this.#publish();
  }

  #track(disposal: Promise<void>): void {
    const done = disposal.catch(() => undefined).finally(() => this.#disposals.delete(done));
    this.#disposals.add(done);
  }

  /** Remembers the list and the current account, and tells the window. */
  #publish(): void {
    const remembered: RememberedAccount[] = [];
    for (const [, entry] of this.#entries) {
      const endpoint =
        entry.status === 'signed-in' ? entry.account.session.endpoint : entry.endpoint;
      const email = entry.status === 'signed-in' ? entry.account.email : entry.email;
      // The embedded sandbox starts afresh on a new port every run: nothing there to restore.
      if (endpoint.kind === 'sandbox') continue;
      remembered.push({ kind: endpoint.kind, baseUrl: endpoint.baseUrl, email });
    }
    const { settings } = this.#deps;
    try {
      settings.setRememberedAccounts(remembered);
      settings.setCurrentAccount(this.#currentId);
    } catch {
      // Settings that cannot be saved cost the next start its restore, not this run its accounts.
    }
    this.#deps.emit('sessionChanged', this.state());
  }
}

function entryView(id: string, entry: Entry): AccountEntry {
  if (entry.status === 'signed-in') return entry.account.entry();
  return { ...entry, id, endpoint: { ...entry.endpoint } };
}
