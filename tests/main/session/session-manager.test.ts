// The signed-in session against the sandbox over real HTTP, with tokens in the real keychain when
// run under tests/helpers/with-keyring.sh (in memory otherwise, so a developer's own keyring is
// never touched).

import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandboxAccounts } from '../../../sandbox/seed-accounts';
import { totpCode } from '../../../sandbox/totp';
import { AppError } from '../../../src-main/common/app-error';
import type { SessionState, TokenStorage } from '../../../src-main/common/bridge-contract';
import { KeytarSecretStore } from '../../../src-main/session/keytar-secret-store';
import { MemorySecretStore } from '../../../src-main/session/memory-secret-store';
import type { SecretStore } from '../../../src-main/session/secret-store';
import { SessionManager } from '../../../src-main/session/session-manager';
import {
  parseTokens,
  secretKeyFor,
  type StoredTokens,
} from '../../../src-main/session/session-tokens';
import { startSessionSandbox, type SessionSandbox } from '../../helpers/session-sandbox';

const underTestKeyring = process.env.GREENCLOUD_KEYRING_READY === '1';
const { demo, twofa } = sandboxAccounts;

let sandbox: SessionSandbox;
let secrets: SecretStore;
let tokenStorage: TokenStorage;
let clock: number;
let seen: SessionState[];

function newManager(store: SecretStore = secrets): SessionManager {
  const manager = new SessionManager({
    secrets: store,
    tokenStorage,
    createClient: sandbox.createClient,
    now: () => clock,
  });
  manager.onChange((state) => seen.push(state));
  return manager;
}

async function stored(
  email: string,
  store: SecretStore = secrets,
): Promise<StoredTokens | undefined> {
  const text = await store.get(secretKeyFor(sandbox.endpoint.baseUrl, email));
  return text === null ? undefined : parseTokens(text);
}

/** The state, as the renderer would receive it, holds none of the secrets. */
function expectNoSecrets(state: SessionState, tokens: StoredTokens | undefined): void {
  const json = JSON.stringify(state);
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
    expect(session.state()).toMatchObject({ status: 'signed-out' });
    const state = await session.signIn(sandbox.endpoint, {
      email: demo.email,
      password: demo.password,
    });
    expect(state).toEqual({
      status: 'signed-in',
      email: demo.email,
      endpoint: sandbox.endpoint,
      tokenStorage,
    });
    expect(seen).toEqual([state]);

    const tokens = await stored(demo.email);
    expect(tokens?.accessToken).toBeTruthy();
    expect(tokens?.refreshToken).toBeTruthy();
    expect(tokens?.expiresAt).toBe(clock + 3600_000);
    expectNoSecrets(state, tokens);
    expect((await session.client().getAccount()).email).toBe(demo.email);
  });

  it('with 2FA: the twofa-required error passes through, then a real TOTP code signs in', async () => {
    const session = newManager();
    const error = await rejection(
      session.signIn(sandbox.endpoint, { email: twofa.email, password: twofa.password }),
    );
    expect(error.kind).toBe('twofa-required');
    expect(session.state().status).toBe('signed-out');
    expect(seen).toEqual([]);

    const code = totpCode(twofa.totpSecret, Date.now());
    const state = await session.signIn(sandbox.endpoint, {
      email: twofa.email,
      password: twofa.password,
      twofa: code,
    });
    expect(state).toMatchObject({ status: 'signed-in', email: twofa.email });
    expect((await session.client().getAccount()).twofa).toBe(true);
  });

  it('with wrong details stays signed out and stores nothing', async () => {
    const session = newManager();
    const error = await rejection(
      session.signIn(sandbox.endpoint, { email: demo.email, password: 'Wrong123!' }),
    );
    expect(error.kind).toBe('invalid-credentials');
    expect(session.state().status).toBe('signed-out');
    expect(await stored(demo.email)).toBeUndefined();
  });

  it('with an API key: learns the email from GET /user and renews by exchanging the key again', async () => {
    const session = newManager();
    const state = await session.signInWithApiKey(sandbox.endpoint, demo.apiKey);
    expect(state).toMatchObject({ status: 'signed-in', email: demo.email });
    const tokens = await stored(demo.email);
    expect(tokens?.apiKey).toBe(demo.apiKey);
    expect(tokens?.refreshToken).toBeUndefined();
    expectNoSecrets(state, tokens);

    await sandbox.advanceClock(3700);
    expect((await session.client().getAccount()).email).toBe(demo.email);
    expect(await sandbox.requestCount('/v1/auth/apiKey')).toBe(2);
    expect((await stored(demo.email))?.accessToken).not.toBe(tokens?.accessToken);
  });

  it('as someone else signs the previous account out and deletes its tokens', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    const code = totpCode(twofa.totpSecret, Date.now());
    await session.signIn(sandbox.endpoint, {
      email: twofa.email,
      password: twofa.password,
      twofa: code,
    });
    expect(await stored(demo.email)).toBeUndefined();
    expect(await stored(twofa.email)).toBeDefined();
  });
});

describe('restoring at start', () => {
  it('picks up the stored session in a new SessionManager without signing in again', async () => {
    await newManager().signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    const restarted = newManager();
    const state = await restarted.restore(sandbox.endpoint, demo.email);
    expect(state).toEqual({
      status: 'signed-in',
      email: demo.email,
      endpoint: sandbox.endpoint,
      tokenStorage,
    });
    expect((await restarted.client().getAccount()).email).toBe(demo.email);
    expect(await sandbox.requestCount('/v1/auth/login')).toBe(1);
  });

  it('renews a stored session that expired while the app was closed, keeping the newest refresh token', async () => {
    await newManager().signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    const before = await stored(demo.email);
    clock += 3700_000;
    await sandbox.advanceClock(3700);
    const restarted = newManager();
    expect((await restarted.restore(sandbox.endpoint, demo.email)).status).toBe('signed-in');
    const after = await stored(demo.email);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.expiresAt).toBe(clock + 3600_000);
    expect(await sandbox.requestCount('/v1/auth/refresh')).toBe(1);
  });

  it('is signed out when nothing is stored, or the entry is unreadable (which is then removed)', async () => {
    expect((await newManager().restore(sandbox.endpoint, demo.email)).status).toBe('signed-out');
    const key = secretKeyFor(sandbox.endpoint.baseUrl, demo.email);
    await secrets.set(key, '{"accessToken": 42');
    expect((await newManager().restore(sandbox.endpoint, demo.email)).status).toBe('signed-out');
    expect(await secrets.get(key)).toBeNull();
  });

  it('is signed out, and the entry deleted, when the stored refresh token is refused', async () => {
    await newManager().signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    await spendStoredRefreshToken();
    clock += 3700_000;
    await sandbox.advanceClock(3700);
    const state = await newManager().restore(sandbox.endpoint, demo.email);
    expect(state).toEqual({ status: 'signed-out', endpoint: sandbox.endpoint });
    expect(await stored(demo.email)).toBeUndefined();
  });
});

describe('renewing', () => {
  it('after a 401 (the sandbox clock expired the token): refreshes once and stores the newest refresh token', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    const first = await stored(demo.email);

    await sandbox.advanceClock(3700);
    expect((await session.client().getAccount()).email).toBe(demo.email);
    const second = await stored(demo.email);
    expect(second?.refreshToken).not.toBe(first?.refreshToken);
    expect(second?.accessToken).not.toBe(first?.accessToken);

    // Renewing again works only if the newest refresh token was kept: the first one is spent.
    clock += 60_000;
    await sandbox.advanceClock(3700);
    expect((await session.client().getAccount()).email).toBe(demo.email);
    expect((await stored(demo.email))?.refreshToken).not.toBe(second?.refreshToken);
    expect(await sandbox.requestCount('/v1/auth/refresh')).toBe(2);
    expect(session.state().status).toBe('signed-in');
  });

  it('proactively, shortly before expiry, so the request never sees a 401', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    clock += 3590_000;
    await session.client().getAccount();
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
    expect(session.state().status).toBe('signed-in');
  });

  it('does not refresh again for a slow request whose 401 arrives after the renewal finished', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    await sandbox.advanceClock(3700);
    await sandbox.fault({ mode: 'latency', ms: 400, count: 1, path: '/v1/user' });
    await Promise.all([session.client().getAccount(), session.client().listInvoices()]);
    const userCalls = (await sandbox.requests())
      .filter((r) => r.path === '/v1/user')
      .map((r) => r.status);
    expect(userCalls).toEqual([401, 200]);
    expect(await sandbox.requestCount('/v1/auth/refresh')).toBe(1);
    expect(session.state().status).toBe('signed-in');
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

    const error = await rejection(session.client().getAccount());
    expect(error.kind).toBe('needs-login');
    expect(error.message).toBe('Your session has ended. Please sign in again.');
    expect(session.state()).toEqual({ status: 'signed-out', endpoint: sandbox.endpoint });
    expect(seen.at(-1)).toEqual({ status: 'signed-out', endpoint: sandbox.endpoint });
    expect(await stored(demo.email)).toBeUndefined();
    expect((await rejection(Promise.resolve().then(() => session.client()))).kind).toBe(
      'needs-login',
    );
  });

  it('keeps the session when the renewal fails for a passing reason (a server error)', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    await sandbox.advanceClock(3700);
    await sandbox.fault({ mode: 'status', status: 503, count: 1, path: '/v1/auth/refresh' });
    expect((await rejection(session.client().getAccount())).kind).toBe('server');
    expect(session.state().status).toBe('signed-in');
    expect(await stored(demo.email)).toBeDefined();
    expect((await session.client().getAccount()).email).toBe(demo.email);
  });
});

describe('signing out', () => {
  it('deletes the stored tokens and the client is no longer available', async () => {
    const session = newManager();
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    const state = await session.signOut();
    expect(state).toEqual({ status: 'signed-out', endpoint: sandbox.endpoint });
    expect(seen.map((s) => s.status)).toEqual(['signed-in', 'signed-out']);
    expect(await stored(demo.email)).toBeUndefined();
    expect(() => session.client()).toThrow(AppError);
    expect((await newManager().restore(sandbox.endpoint, demo.email)).status).toBe('signed-out');
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
    const state = await session.signIn(sandbox.endpoint, {
      email: demo.email,
      password: demo.password,
    });
    expect(state).toMatchObject({
      status: 'signed-in',
      tokenStorage: { kind: 'memory', reason: expect.stringContaining('sign in again next time') },
    });
    expect((await session.client().getAccount()).email).toBe(demo.email);
  });
});

describe('the embedded sandbox', () => {
  it('keeps its tokens in memory only: nothing reaches the keychain, and the state says so', async () => {
    const session = newManager();
    const state = await session.signIn(sandbox.embeddedEndpoint, {
      email: demo.email,
      password: demo.password,
    });
    expect(state).toMatchObject({
      status: 'signed-in',
      tokenStorage: { kind: 'memory', reason: expect.stringMatching(/sandbox starts afresh/) },
    });
    expect(await stored(demo.email)).toBeUndefined();
    if (underTestKeyring) {
      const entries = await keytar.findCredentials('GreenCloud Desktop');
      expect(entries.map((entry) => entry.account)).not.toContain(
        secretKeyFor(sandbox.embeddedEndpoint.baseUrl, demo.email),
      );
    }
    // The session works all the same, renewals included.
    clock += 3600_000;
    expect((await session.client().getAccount()).email).toBe(demo.email);
    expect(await stored(demo.email)).toBeUndefined();
    await session.signOut();
    expect(session.state()).toEqual({ status: 'signed-out', endpoint: sandbox.embeddedEndpoint });
  });
});

describe('a keychain entry that cannot be deleted at sign-out', () => {
  it('signs out all the same and tells the user, until the next sign-in', async () => {
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
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    const state = await session.signOut();
    expect(state).toEqual({
      status: 'signed-out',
      endpoint: sandbox.endpoint,
      notice: `You are signed out, but the saved sign-in for ${demo.email} could not be removed from the system keychain. Remove the “GreenCloud Desktop” entry for it in your keychain app (Keychain Access, Credential Manager or Passwords and Keys).`,
    });
    expect(seen.at(-1)).toEqual(state);
    // Signing in again clears it, and a sign-out whose delete works says nothing.
    await session.signIn(sandbox.endpoint, { email: demo.email, password: demo.password });
    expect(await session.signOut()).toEqual({ status: 'signed-out', endpoint: sandbox.endpoint });
    expect(await stored(demo.email)).toBeUndefined();
  });
});

/**
 * Three different reads in parallel. (Identical ones would be joined into one request by the
 * client, and would prove nothing about sharing a renewal.)
 */
async function differentReadsAtOnce(session: SessionManager): Promise<void> {
  const [account, invoices] = await Promise.all([
    session.client().getAccount(),
    session.client().listInvoices(),
    session
      .client()
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
