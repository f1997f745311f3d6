// The signed-in sessions (one per account) against the sandbox over real HTTP, with tokens in the real keychain when
// run under tests/helpers/with-keyring.sh (in memory otherwise, so a developer's own keyring is
// never touched).

import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandboxAccounts } from '../../../sandbox/seed-accounts';
import { totpCode } from '../../../sandbox/totp';
import { AppError } from '../../../src-main/common/app-error';
import type { GreenCloudClient } from '../../../src-main/api/greencloud-client';
import type { TokenStorage } from '../../../src-main/common/bridge-contract';
import type { AccountSession } from '../../../src-main/session/account-session';
import { KeytarSecretStore } from '../../../src-main/session/keytar-secret-store';
import { MemorySecretStore } from '../../../src-main/session/memory-secret-store';
import type { SecretStore } from '../../../src-main/common/platform-ports';
import { SessionManager, type SessionChange } from '../../../src-main/session/session-manager';
import {
  parseTokens,
  secretKeyFor,
  type StoredTokens,
} from '../../../src-main/session/session-tokens';
import {
  signInBothSeeded,
  startSessionSandbox,
  type SessionSandbox,
} from '../../helpers/session-sandbox';

const underTestKeyring = process.env.GREENCLOUD_KEYRING_READY === '1';
const { demo, twofa } = sandboxAccounts;

let sandbox: SessionSandbox;
let secrets: SecretStore;
let tokenStorage: TokenStorage;
let clock: number;
let seen: SessionChange['kind'][];

function newManager(store: SecretStore = secrets): SessionManager {
  const manager = new SessionManager({
    secrets: store,
    tokenStorage,
    createClient: sandbox.createClient,
    now: () => clock,
  });
  manager.onChange((change) => seen.push(change.kind));
  return manager;
}

async function stored(
  email: string,
  store: SecretStore = secrets,
): Promise<StoredTokens | undefined> {
  const text = await store.get(secretKeyFor(sandbox.endpoint.baseUrl, email));
  return text === null ? undefined : parseTokens(text);
}

/** What a session shows the rest of the app, as the renderer could receive it. */
function viewOf(session: AccountSession) {
  return {
    id: session.id,
    email: session.email,
    endpoint: session.endpoint,
    tokenStorage: session.tokenStorage,
  };
}

/** The only session's client; 'needs-login' when there is none, as the core would answer. */
function clientOf(manager: SessionManager): GreenCloudClient {
  const session = manager.sessions()[0];
  if (!session) throw new AppError({ kind: 'needs-login', message: 'Please sign in first.' });
  return session.client;
}

function statusOf(manager: SessionManager): 'signed-in' | 'signed-out' {
  return manager.sessions().length > 0 ? 'signed-in' : 'signed-out';
}

/** The view holds none of the secrets. */
function expectNoSecrets(view: ReturnType<typeof viewOf>, tokens: StoredTokens | undefined): void {
  const json = JSON.stringify(view);
  for (const secret of [tokens?.accessToken, tokens?.refreshToken, tokens?.apiKey, demo.password]) {
    if (secret) expect(json).not.toContain(secret);
  }
  expect(json).not.toMatch(/token"|apiKey|refresh/i);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeEach(async () => {
  sandbox = await startSessionSandbox();
  secrets = underTestKeyring ? new KeytarSecretStore(keytar) : new MemorySecretStore();
  tokenStorage = underTestKeyring
    ? { kind: 'keychain' }
    : { kind: 'memory', reason: 'Tests run without a keyring.' };
  clock = Date.now();
  seen = [];
});

afterEach(async () => {
  for (const email of [demo.email, twofa.email])
    await secrets.delete(secretKeyFor(sandbox.endpoint.baseUrl, email));
  await sandbox.close();
});

describe('signing in', () => {
  it('with email and password: signed in, tokens in the secret store and nowhere in the state', async () => {
    const session = newManager();
    expect(statusOf(session)).toBe('signed-out');
    const signedIn = await session.signIn(sandbox.endpoint, {
      email: demo.email,
      password: demo.password,
    });
    const state = viewOf(signedIn);
    expect(state).toEqual({
      id: secretKeyFor(sandbox.endpoint.baseUrl, demo.email),
      email: demo.email,
      endpoint: sandbox.endpoint,
      tokenStorage,
    });
    expect(seen).toEqual(['added']);

    const tokens = await stored(demo.email);
    expect(tokens?.accessToken).toBeTruthy();
    expect(tokens?.refreshToken).toBeTruthy();
    expect(tokens?.expiresAt).toBe(clock + 3600_000);
    expectNoSecrets(state, tokens);
    expect((await clientOf(session).getAccount()).email).toBe(demo.email);
  });

  it('with 2FA: the twofa-required error passes through, then a real TOTP code signs in', async () => {
    const session = newManager();
    const error = await rejection(
      session.signIn(sandbox.endpoint, { email: twofa.email, password: twofa.password }),
    );
    expect(error.kind).toBe('twofa-required');
    expect(statusOf(session)).toBe('signed-out');
    expect(seen).toEqual([]);

    const code = totpCode(twofa.totpSecret, Date.now());
    const signedIn = await session.signIn(sandbox.endpoint, {
      email: twofa.email,
      password: twofa.password,
      twofa: code,
    });
    expect(signedIn.email).toBe(twofa.email);
    expect((await clientOf(session).getAccount()).twofa).toBe(true);
  });

  it('with wrong details stays signed out and stores nothing', async () => {
    const session = newManager();
    const error = await rejection(
      session.signIn(sandbox.endpoint, { email: demo.email, password: 'Wrong123!' }),
    );
    expect(error.kind).toBe('invalid-credentials');
    expect(statusOf(session)).toBe('signed-out');
    expect(await stored(demo.email)).toBeUndefined();
  });

  it('with an API key: learns the email from GET /user and renews by exchanging the key again', async () => {
    const session = newManager();
    const state = viewOf(await session.signInWithApiKey(sandbox.endpoint, demo.apiKey));
    expect(state.email).toBe(demo.email);
    const tokens = await stored(demo.email);
    expect(tokens?.apiKey).toBe(demo.apiKey);
    expect(tokens?.refreshToken).toBeUndefined();
    expectNoSecrets(state, tokens);

    await sandbox.advanceClock(3700);
    expect((await clientOf(session).getAccount()).email).toBe(demo.email);
    expect(await sandbox.requestCount('/v1/auth/apiKey')).toBe(2);
    expect((await stored(demo.email))?.accessToken).not.toBe(tokens?.accessToken);
  });

  it('as someone else keeps both: each account its own session, entry and client', async () => {
    const session = newManager();
    const [first, second] = await signInBothSeeded(session, sandbox.endpoint);
    expect(session.sessions()).toEqual([first, second]);
    expect(await stored(demo.email)).toBeDefined();
    expect(await stored(twofa.email)).toBeDefined();
    expect((await first.client.getAccount()).email).toBe(demo.email);
    expect((await second.client.getAccount()).email).toBe(twofa.email);
  });

  it('to the same account on the same endpoint again gives the same session, not a copy', async () => {
    const session = newManager();
    const first = await session.signIn(sandbox.endpoint, {
      email: demo.email,
      password: demo.password,
    });
    const before = await stored(demo.email);
    const again = await session.signIn(sandbox.endpoint, {
      email: demo.email,
      password: demo.password,
    });
    expect(again).toBe(first);
    expect(session.sessions()).toHaveLength(1);
    expect(seen).toEqual(['added']);
    // The newer tokens replace the old ones in the one entry.
    expect((await stored(demo.email))?.accessToken).not.toBe(before?.accessToken);
  });

  it('refuses a ninth account with a sentence, before the password is sent', async () => {
    const session = new SessionManager({
      secrets,
      tokenStorage,
      createClient: sandbox.createClient,
      now: () => clock,
      maxSessions: 1,
    });
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    const error = await rejection(
      session.signIn(sandbox.endpoint, { email: twofa.email, password: twofa.password }),
    );
    expect(error.kind).toBe('not-allowed');
    expect(error.message).toBe(
      'GreenCloud Desktop keeps at most 1 accounts signed in at once. Sign out of one to add another.',
    );
    expect(await sandbox.requestCount('/v1/auth/login')).toBe(1);
    // The account already there can still sign in again (it switches, it is not a ninth).
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
  });
});

describe('restoring at start', () => {
  it('picks up the stored session in a new SessionManager without signing in again', async () => {
    await newManager().signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    const restarted = newManager();
    const outcome = await restarted.restore(sandbox.endpoint, demo.email);
    expect(outcome.status).toBe('restored');
    expect(outcome.status === 'restored' && viewOf(outcome.session)).toEqual({
      id: secretKeyFor(sandbox.endpoint.baseUrl, demo.email),
      email: demo.email,
      endpoint: sandbox.endpoint,
      tokenStorage,
    });
    expect((await clientOf(restarted).getAccount()).email).toBe(demo.email);
    expect(await sandbox.requestCount('/v1/auth/login')).toBe(1);
  });

  it('renews a stored session that expired while the app was closed, keeping the newest refresh token', async () => {
    await newManager().signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    const before = await stored(demo.email);
    clock += 3700_000;
    await sandbox.advanceClock(3700);
    const restarted = newManager();
    expect((await restarted.restore(sandbox.endpoint, demo.email)).status).toBe('restored');
    const after = await stored(demo.email);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.expiresAt).toBe(clock + 3600_000);
    expect(await sandbox.requestCount('/v1/auth/refresh')).toBe(1);
  });

  it('needs sign-in, and says why, when nothing is stored or the entry is unreadable (then removed)', async () => {
    expect(await newManager().restore(sandbox.endpoint, demo.email)).toEqual({
      status: 'needs-sign-in',
      reason:
        'GreenCloud Desktop no longer finds this account’s sign-in in the system keychain. Please sign in again.',
    });
    const key = secretKeyFor(sandbox.endpoint.baseUrl, demo.email);
    await secrets.set(key, '{"accessToken": 42');
    expect(await newManager().restore(sandbox.endpoint, demo.email)).toEqual({
      status: 'needs-sign-in',
      reason: 'The stored sign-in for this account could not be read. Please sign in again.',
    });
    expect(await secrets.get(key)).toBeNull();
  });

  it('needs sign-in, and the entry is deleted, when the stored refresh token is refused', async () => {
    await newManager().signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    await spendStoredRefreshToken();
    clock += 3700_000;
    await sandbox.advanceClock(3700);
    const restarted = newManager();
    const outcome = await restarted.restore(sandbox.endpoint, demo.email);
    expect(outcome).toEqual({
      status: 'needs-sign-in',
      reason: 'Your session has ended. Please sign in again.',
    });
    expect(restarted.sessions()).toEqual([]);
    expect(await stored(demo.email)).toBeUndefined();
  });
});

describe('renewing', () => {
  it('after a 401 (the sandbox clock expired the token): refreshes once and stores the newest refresh token', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    const first = await stored(demo.email);

    await sandbox.advanceClock(3700);
    expect((await clientOf(session).getAccount()).email).toBe(demo.email);
    const second = await stored(demo.email);
    expect(second?.refreshToken).not.toBe(first?.refreshToken);
    expect(second?.accessToken).not.toBe(first?.accessToken);

    // Renewing again works only if the newest refresh token was kept: the first one is spent.
    clock += 60_000;
    await sandbox.advanceClock(3700);
    expect((await clientOf(session).getAccount()).email).toBe(demo.email);
    expect((await stored(demo.email))?.refreshToken).not.toBe(second?.refreshToken);
    expect(await sandbox.requestCount('/v1/auth/refresh')).toBe(2);
    expect(statusOf(session)).toBe('signed-in');
  });

  it('proactively, shortly before expiry, so the request never sees a 401', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    clock += 3590_000;
    await clientOf(session).getAccount();
    const log = (await sandbox.requests()).filter((r) => r.path.startsWith('/v1/'));
    expect(log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /v1/auth/login 200',
      'POST /v1/auth/refresh 200',
      'GET /v1/user 200',
    ]);
  });

  it('shares one refresh among concurrent requests that all met an expired token', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    await sandbox.advanceClock(3700);
    await differentReadsAtOnce(session);
    expect(await sandbox.requestCount('/v1/auth/refresh')).toBe(1);
    expect(statusOf(session)).toBe('signed-in');
  });

  it('does not refresh again for a slow request whose 401 arrives after the renewal finished', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    await sandbox.advanceClock(3700);
    await sandbox.fault({ mode: 'latency', ms: 400, count: 1, path: '/v1/user' });
    await Promise.all([clientOf(session).getAccount(), clientOf(session).listInvoices()]);
    const userCalls = (await sandbox.requests())
      .filter((r) => r.path === '/v1/user')
      .map((r) => r.status);
    expect(userCalls).toEqual([401, 200]);
    expect(await sandbox.requestCount('/v1/auth/refresh')).toBe(1);
    expect(statusOf(session)).toBe('signed-in');
  });

  it('shares one refresh among concurrent requests when renewing proactively', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    clock += 3590_000;
    await differentReadsAtOnce(session);
    expect(await sandbox.requestCount('/v1/auth/refresh')).toBe(1);
  });

  it('signs out, deletes the stored tokens and tells listeners when the refresh token is refused', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    await spendStoredRefreshToken();
    await sandbox.advanceClock(3700);

    const error = await rejection(clientOf(session).getAccount());
    expect(error.kind).toBe('needs-login');
    expect(error.message).toBe('Your session has ended. Please sign in again.');
    expect(statusOf(session)).toBe('signed-out');
    expect(seen.at(-1)).toBe('ended');
    expect(await stored(demo.email)).toBeUndefined();
    expect((await rejection(Promise.resolve().then(() => clientOf(session)))).kind).toBe(
      'needs-login',
    );
  });

  it('keeps the session when the renewal fails for a passing reason (a server error)', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    await sandbox.advanceClock(3700);
    await sandbox.fault({ mode: 'status', status: 503, count: 1, path: '/v1/auth/refresh' });
    expect((await rejection(clientOf(session).getAccount())).kind).toBe('server');
    expect(statusOf(session)).toBe('signed-in');
    expect(await stored(demo.email)).toBeDefined();
    expect((await clientOf(session).getAccount()).email).toBe(demo.email);
  });
});

describe('signing out', () => {
  it('of one account deletes only its tokens; the other stays signed in', async () => {
    const session = newManager();
    const [demoSession, twofaSession] = await signInBothSeeded(session, sandbox.endpoint);
    await session.signOut(demoSession.id);
    expect(seen).toEqual(['added', 'added', 'signed-out']);
    expect(session.sessions()).toEqual([twofaSession]);
    expect(await stored(demo.email)).toBeUndefined();
    expect(await stored(twofa.email)).toBeDefined();
    expect((await twofaSession.client.getAccount()).email).toBe(twofa.email);
    expect((await newManager().restore(sandbox.endpoint, demo.email)).status).toBe('needs-sign-in');
    expect((await newManager().restore(sandbox.endpoint, twofa.email)).status).toBe('restored');
  });

  it('still offers an unauthenticated client for resetting a password', async () => {
    const session = newManager();
    await session.unauthenticatedClient(sandbox.endpoint).requestPasswordReset(demo.email);
    expect(await sandbox.requestCount('/v1/user/resetPassword')).toBe(1);
  });
});

describe('a keychain that fails after start', () => {
  it('keeps the session in memory for this run and the state says why', async () => {
    const failing: SecretStore = {
      get: async () => null,
      set: () =>
        Promise.reject(
          new AppError({
            kind: 'keychain',
            message: 'GreenCloud Desktop could not use the system keychain.',
          }),
        ),
      delete: async () => false,
    };
    tokenStorage = { kind: 'keychain' };
    const session = newManager(failing);
    const state = viewOf(
      await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password }),
    );
    expect(state).toMatchObject({
      tokenStorage: { kind: 'memory', reason: expect.stringContaining('sign in again next time') },
    });
    expect((await clientOf(session).getAccount()).email).toBe(demo.email);
  });
});

describe('the embedded sandbox', () => {
  it('keeps its tokens in memory only: nothing reaches the keychain, and the state says so', async () => {
    const session = newManager();
    const signedIn = await session.signIn(sandbox.embeddedEndpoint, {
      email: demo.email,
      password: demo.password,
    });
    expect(viewOf(signedIn)).toMatchObject({
      tokenStorage: { kind: 'memory', reason: expect.stringMatching(/sandbox starts afresh/) },
    });
    expect(await stored(demo.email)).toBeUndefined();
    if (underTestKeyring) {
      // The one entry asked for by name: listing the whole service races other test files that
      // add and delete entries in the same keychain at the same time ("No such secret item").
      expect(
        await keytar.getPassword(
          'GreenCloud Desktop',
          secretKeyFor(sandbox.embeddedEndpoint.baseUrl, demo.email),
        ),
      ).toBeNull();
    }
    // The session works all the same, renewals included.
    clock += 3600_000;
    expect((await signedIn.client.getAccount()).email).toBe(demo.email);
    expect(await stored(demo.email)).toBeUndefined();
    expect(await session.signOut(signedIn.id)).toBeUndefined();
    expect(statusOf(session)).toBe('signed-out');
  });
});

describe('a keychain entry that cannot be deleted at sign-out', () => {
  it('signs out all the same and says so in a sentence for the user', async () => {
    // The real store, whose first delete fails as a keychain that went away mid-run does.
    let refusals = 1;
    const refusing: SecretStore = {
      get: (key) => secrets.get(key),
      set: (key, value) => secrets.set(key, value),
      delete: (key) =>
        refusals-- > 0
          ? Promise.reject(new Error('The name org.freedesktop.secrets was not provided'))
          : secrets.delete(key),
    };
    tokenStorage = { kind: 'keychain' };
    const session = newManager(refusing);
    const first = await session.signIn(sandbox.endpoint, {
      email: demo.email,
      password: demo.password,
    });
    expect(await session.signOut(first.id)).toBe(
      `You are signed out, but the saved sign-in for ${demo.email} could not be removed from the system keychain. Remove the “GreenCloud Desktop” entry for it in your keychain app (Keychain Access, Credential Manager or Passwords and Keys).`,
    );
    expect(seen.at(-1)).toBe('signed-out');
    expect(statusOf(session)).toBe('signed-out');
    // A sign-out whose delete works says nothing.
    const again = await session.signIn(sandbox.endpoint, {
      email: demo.email,
      password: demo.password,
    });
    expect(await session.signOut(again.id)).toBeUndefined();
    expect(await stored(demo.email)).toBeUndefined();
  });
});

/**
 * Three different reads in parallel. (Identical ones would be joined into one request by the
 * client, and would prove nothing about sharing a renewal.)
 */
async function differentReadsAtOnce(session: SessionManager): Promise<void> {
  const [account, invoices] = await Promise.all([
    clientOf(session).getAccount(),
    clientOf(session).listInvoices(),
    clientOf(session)
      .getInvoice('inv_missing')
      .catch(() => undefined),
  ]);
  expect(account.email).toBe(demo.email);
  expect(invoices.length).toBeGreaterThan(0);
  const authorized = (await sandbox.requests()).filter(
    (r) => !r.path.startsWith('/v1/auth/') && r.status !== 401,
  );
  expect(authorized.length).toBe(3);
}

/** Uses the stored refresh token elsewhere (as another device might), so the session's copy is spent. */
async function spendStoredRefreshToken(): Promise<void> {
  const tokens = await stored(demo.email);
  const response = await fetch(`${sandbox.endpoint.baseUrl}/auth/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: tokens?.refreshToken }),
  });
  expect(response.status).toBe(200);
}
