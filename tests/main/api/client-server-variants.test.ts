// The client against servers that make the other choices the GreenCloud docs allow (see the last
// section of shared/greencloud-api.md): a Go-style stand-in that writes null, mixed-case bundle
// names and string dates, answers "2FA needed" and "expired" with other codes and statuses, wants
// another Authorization scheme, redirects, or is not GreenCloud at all.

import { afterEach, describe, expect, it } from 'vitest';
import { GreenCloudClient, type AuthProvider } from '../../../src-main/api/greencloud-client';
import type { AuthScheme } from '../../../src-main/api/auth-scheme';
import type { Endpoint } from '../../../src-main/common/bridge-contract';
import { MemorySecretStore } from '../../../src-main/session/memory-secret-store';
import { SessionManager } from '../../../src-main/session/session-manager';
import { appErrorOf } from './helpers/app-error-of';
import {
  goEmail,
  goPassword,
  startGoStyleServer,
  type GoServerChoices,
  type GoStyleServer,
} from './helpers/go-style-server';
import { SandboxAuth, instantSleep, userAgent } from './helpers/sandbox-fixture';
import { json, startScriptedServer, type ScriptedServer } from './helpers/scripted-server';

let server: GoStyleServer | undefined;
let scripted: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  await scripted?.close();
  server = undefined;
  scripted = undefined;
});

const options = (baseUrl: string) => ({ baseUrl, userAgent, sleep: instantSleep, readRetries: 0 });

async function goServer(choices: Partial<GoServerChoices> = {}) {
  server = await startGoStyleServer(choices);
  return server;
}

/** Signed in for real against the stand-in; the auth provider refreshes against it too. */
async function signedIn(
  go: GoStyleServer,
  extra: Partial<ConstructorParameters<typeof GreenCloudClient>[0]> = {},
) {
  const authClient = new GreenCloudClient(options(go.baseUrl));
  const tokens = await authClient.login({ email: goEmail, password: goPassword });
  const auth = new SandboxAuth(authClient, tokens.accessToken, tokens.refreshToken);
  const client = new GreenCloudClient({ ...options(go.baseUrl), auth, ...extra });
  return { client, auth };
}

describe("Go's encoding/json: null for what is empty", () => {
  it('reads null optional objects and fields as absent and shows what is there', async () => {
    const { client } = await signedIn(await goServer());
    const account = await client.getAccount();
    expect(account).toEqual({
      id: 'u1',
      email: goEmail,
      name: 'Go',
      surname: undefined,
      address: undefined,
      twofa: false,
      apiKey: undefined,
      bundle: { name: 'DEVELOPER', quota: 4200, price: undefined },
      flags: undefined,
    });
  });

  it('reads null inside the address and the flags', async () => {
    const account = {
      id: 7,
      email: goEmail,
      address: {
        company: null,
        street: 'My House 8295',
        district: null,
        city: 'York',
        postCode: 'YO31',
        country: 'GB',
      },
      flags: { bundleAutoRenewal: null, lowQuotaNotification: true },
      bundle: null,
    };
    const { client } = await signedIn(await goServer({ account }));
    const read = await client.getAccount();
    expect(read.id).toBe('7');
    expect(read.address).toEqual({
      company: undefined,
      street: 'My House 8295',
      district: undefined,
      city: 'York',
      postCode: 'YO31',
      country: 'GB',
    });
    expect(read.flags).toEqual({ bundleAutoRenewal: undefined, lowQuotaNotification: true });
    expect(read.bundle).toBeUndefined();
  });

  it('reads a null invoice list as no invoices', async () => {
    const { client } = await signedIn(await goServer({ invoices: null }));
    expect(await client.listInvoices()).toEqual([]);
  });
});

describe('shapes the docs show in different versions', () => {
  it('accepts paidDay as a string (the list since 2023) and as a number (the detail)', async () => {
    const invoices = [
      { id: 'a', amount: 9.99, status: 'paid', paidDay: '1678355135' },
      { id: 2, amount: 2.99, status: 'paid', paidDay: 1678355135 },
      { id: 'c', amount: 1, status: 'open', paidDay: null },
    ];
    const { client } = await signedIn(await goServer({ invoices }));
    expect(await client.listInvoices()).toEqual([
      { id: 'a', amount: 9.99, status: 'paid', paidDay: 1678355135 },
      { id: '2', amount: 2.99, status: 'paid', paidDay: 1678355135 },
      { id: 'c', amount: 1, status: 'open', paidDay: undefined },
    ]);
  });

  it('refuses a paidDay that is not Unix seconds with a sentence', async () => {
    const invoices = [{ id: 'a', amount: 1, status: 'paid', paidDay: 'yesterday' }];
    const { client } = await signedIn(await goServer({ invoices }));
    const error = await appErrorOf(client.listInvoices());
    expect(error.kind).toBe('unexpected-response');
    expect(error.message).toMatch(/could not read/);
  });

  it.each([
    [
      { name: 'Developer', quota: 100000 },
      { name: 'DEVELOPER', quota: 100000, price: undefined },
    ],
    [
      { name: 'starter', quota: 10 },
      { name: 'STARTER', quota: 10, price: undefined },
    ],
    [
      { name: 'Custom Plan', quota: 5 },
      { name: 'Custom Plan', quota: 5, price: undefined },
    ],
  ])('reads the bundle %j (older docs: mixed case, no price)', async (bundle, expected) => {
    const { client } = await signedIn(
      await goServer({ account: { id: 'u1', email: goEmail, bundle } }),
    );
    expect((await client.getAccount()).bundle).toEqual(expected);
  });

  it('reads the earliest account shape: no bundle, no flags, no price', async () => {
    const { client } = await signedIn(await goServer({ account: { id: 'u1', email: goEmail } }));
    const account = await client.getAccount();
    expect(account.bundle).toBeUndefined();
    expect(account.flags).toBeUndefined();
  });

  it.each([200, 204])(
    'takes %i for calls documented as 204 (older pages said 200)',
    async (status) => {
      const { client } = await signedIn(await goServer({ emptySuccess: status }));
      await expect(client.changePassword({ password: 'Better123!' })).resolves.toBeUndefined();
      await expect(
        client.setFlags({ bundleAutoRenewal: true, lowQuotaNotification: true }),
      ).resolves.toBeUndefined();
    },
  );
});

const validatorTwofa =
  "Key: 'LoginRequest.Twofa' Error:Field validation for 'Twofa' failed on the 'required' tag";

describe('"2FA code needed", said three ways with three statuses', () => {
  const bodies = [
    ['TWOFA_REQUIRED', { error: 'TWOFA_REQUIRED' }],
    ['NEEDS_2FA', { error: 'NEEDS_2FA', message: 'needs 2fa' }],
    ['validator text', { error: validatorTwofa }],
  ] as const;
  const cases = bodies.flatMap(([label, body]) =>
    [401, 403, 400].map((status) => ({ label, body, status })),
  );

  it.each(cases)('$label with $status asks for the code', async ({ body, status }) => {
    const go = await goServer({ twofaNeeded: json(status, body) });
    const client = new GreenCloudClient(options(go.baseUrl));
    const error = await appErrorOf(client.login({ email: goEmail, password: goPassword }));
    expect(error.kind).toBe('twofa-required');
    expect(error.field).toBe('twofa');
    expect(error.message).toBe('Enter the 6-digit code from your authenticator app.');
    // With the code, the same server signs in.
    await expect(
      client.login({ email: goEmail, password: goPassword, twofa: '123456' }),
    ).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it('validator text as a plain-text body works the same', async () => {
    const go = await goServer({ twofaNeeded: { status: 400, body: validatorTwofa } });
    const error = await appErrorOf(
      new GreenCloudClient(options(go.baseUrl)).login({ email: goEmail, password: goPassword }),
    );
    expect(error.kind).toBe('twofa-required');
  });
});

describe('raw validator text never reaches the user', () => {
  let client: GreenCloudClient;
  const start = async () => {
    scripted = await startScriptedServer();
    client = new GreenCloudClient({
      ...options(scripted.baseUrl),
      auth: { accessToken: async () => 'tok', renewAccessToken: async () => 'tok2' },
    });
    return scripted;
  };

  it.each([
    [
      "Key: 'SetBundleRequest.Address.PostCode' Error:Field validation for 'PostCode' failed on the 'alphanumspace' tag",
      'address.postCode',
      'Post code must use only letters (A–Z), digits and spaces.',
    ],
    [
      "Key: 'PasswordRequest.Password' Error:Field validation for 'Password' failed on the 'containsany' tag",
      'password',
      'Password must contain at least one of ! @ # $ % & *.',
    ],
    [
      "Key: 'SetBundleRequest.Address.Country' Error:Field validation for 'Country' failed on the 'iso3166_1_alpha2' tag\nKey: 'SetBundleRequest.Address.City' Error:Field validation for 'City' failed on the 'required' tag",
      'address.country',
      'Country must be a two-letter ISO country code such as GB or AR.',
    ],
    [
      "Key: 'PasswordRequest.Twofa' Error:Field validation for 'Twofa' failed on the 'required' tag",
      'twofa',
      'Enter the 6-digit code from your authenticator app.',
    ],
    [
      "Key: 'FlagsRequest.Mystery' Error:Field validation for 'Mystery' failed on the 'gte' tag",
      'mystery',
      'GreenCloud did not accept the mystery. Check it and try again.',
    ],
  ])('%s', async (text, field, sentence) => {
    const s = await start();
    s.script(json(400, { error: text }));
    const error = await appErrorOf(client.changePassword({ password: 'Better123!' }));
    expect(error.field).toBe(field);
    expect(error.message).toBe(sentence);
    expect(error.message).not.toMatch(/Key:|Error:|tag/);
  });
});

describe('an expired access token, as 401 or 403 NEEDS_LOGIN', () => {
  it.each([
    ['401 with no body', { status: 401 }],
    ['401 NEEDS_LOGIN', json(401, { error: 'NEEDS_LOGIN' })],
    ['403 NEEDS_LOGIN', json(403, { error: 'NEEDS_LOGIN', message: 'token expired' })],
  ])('%s: refreshes once, retries once', async (_label, expired) => {
    const go = await goServer({ expired });
    const { client, auth } = await signedIn(go);
    await client.getAccount(); // the endpoint has now accepted the bare scheme
    go.expireAccessTokens();
    expect((await client.getAccount()).email).toBe(goEmail);
    expect(auth.renewals).toBe(1);
    expect(go.log().slice(-3)).toEqual([
      `GET /user ${expired.status}`,
      'POST /auth/refresh 200',
      'GET /user 200',
    ]);
  });

  it('a 403 without NEEDS_LOGIN is a refusal, not an expiry: no renewal', async () => {
    scripted = await startScriptedServer();
    let renewals = 0;
    const client = new GreenCloudClient({
      ...options(scripted.baseUrl),
      auth: {
        accessToken: async () => 'tok',
        renewAccessToken: async () => {
          renewals += 1;
          return 'tok2';
        },
      },
    });
    scripted.script(json(403, { error: 'FORBIDDEN', message: 'Not for your plan.' }));
    const error = await appErrorOf(client.getAccount());
    expect(error.kind).toBe('not-allowed');
    expect(renewals).toBe(0);
    expect(scripted.received).toHaveLength(1);
  });
});

describe('one source of truth for the session', () => {
  const endpointOf = (go: GoStyleServer): Endpoint => ({ kind: 'custom', baseUrl: go.baseUrl });
  const manager = () =>
    new SessionManager({
      secrets: new MemorySecretStore(),
      tokenStorage: { kind: 'keychain' },
      createClient: (baseUrl, auth?: AuthProvider) =>
        new GreenCloudClient({ ...options(baseUrl), auth }),
    });

  it.each([
    [
      '400',
      json(400, {
        error:
          "Key: 'RefreshRequest.RefreshToken' Error:Field validation for 'RefreshToken' failed on the 'jwt' tag",
      }),
    ],
    ['401', json(401, { error: 'NEEDS_LOGIN' })],
    ['403', json(403, { error: 'FORBIDDEN' })],
  ])('a refresh refused with %s signs out and says why', async (_label, refreshRefused) => {
    const go = await goServer({ refreshRefused });
    const sessions = manager();
    const session = await sessions.signIn(endpointOf(go), { email: goEmail, password: goPassword });
    await session.client.getAccount();
    go.expireAccessTokens();
    go.spendRefreshTokens();
    const error = await appErrorOf(session.client.getAccount());
    expect(error.kind).toBe('needs-login');
    expect(error.message).toBe('Your session has ended. Please sign in again.');
    expect(session.ended).toBe(true);
    expect(sessions.sessions()).toHaveLength(0);
  });

  it('refused again right after a successful renewal: stays signed in and says what failed', async () => {
    // A server that renews happily but then refuses the new token too (a broken deployment).
    scripted = await startScriptedServer();
    const sessions = new SessionManager({
      secrets: new MemorySecretStore(),
      tokenStorage: { kind: 'keychain' },
      createClient: (baseUrl, auth?: AuthProvider) =>
        new GreenCloudClient({ ...options(baseUrl), auth }),
    });
    const endpoint: Endpoint = { kind: 'custom', baseUrl: scripted.baseUrl };
    const tokens = (n: number) =>
      json(200, { expiresIn: 3590, accessToken: `a${n}`, refreshToken: `r${n}` });
    scripted.script(
      tokens(1), // sign-in
      json(401, { error: 'NEEDS_LOGIN' }), // GET /user, bare
      tokens(2), // refresh
      json(401, { error: 'NEEDS_LOGIN' }), // GET /user, renewed token, bare
      json(401, { error: 'NEEDS_LOGIN' }), // GET /user, renewed token, Bearer
    );
    const session = await sessions.signIn(endpoint, { email: goEmail, password: goPassword });
    const error = await appErrorOf(session.client.getAccount());
    expect(error.kind).toBe('not-allowed');
    expect(error.message).toMatch(/You are still signed in/);
    expect(error.message).not.toMatch(/session has ended/);
    expect(session.ended).toBe(false);
    expect(sessions.sessions()).toEqual([session]);
  });
});

describe('the Authorization scheme', () => {
  function memory() {
    const known = new Map<string, AuthScheme>();
    return {
      known,
      get: (baseUrl: string) => known.get(baseUrl),
      set: (baseUrl: string, scheme: AuthScheme) => void known.set(baseUrl, scheme),
    };
  }

  it('sends the bare token first and remembers that it was accepted', async () => {
    const go = await goServer();
    const schemes = memory();
    const { client } = await signedIn(go, { authSchemes: schemes });
    await client.getAccount();
    expect(go.received.at(-1)!.headers.authorization).toMatch(/^acc-\d+$/);
    expect(schemes.known.get(go.baseUrl)).toBe('bare');
  });

  it('a server that wants Bearer: tries it once after the fresh token is refused, remembers it, logs it', async () => {
    const go = await goServer({ authScheme: 'bearer' });
    const schemes = memory();
    const lines: string[] = [];
    const { client, auth } = await signedIn(go, {
      authSchemes: schemes,
      log: (l) => lines.push(l),
    });
    expect((await client.getAccount()).email).toBe(goEmail);
    expect(go.log()).toEqual([
      'POST /auth/login 200',
      'GET /user 401',
      'POST /auth/refresh 200',
      'GET /user 401',
      'GET /user 200',
    ]);
    expect(auth.renewals).toBe(1);
    expect(schemes.known.get(go.baseUrl)).toBe('bearer');
    expect(lines).toEqual([
      expect.stringMatching(
        /^127\.0\.0\.1:\d+ refused a freshly issued access token sent bare and accepted it as "Bearer <token>"/,
      ),
    ]);
    expect(lines.join()).not.toMatch(/acc-|ref-/);

    // From now on Bearer straight away, for this client and for a new one sharing the memory.
    await client.listInvoices();
    const next = await signedIn(go, { authSchemes: schemes });
    await next.client.getAccount();
    expect(go.log().slice(5)).toEqual([
      'GET /invoice/list 200',
      'POST /auth/login 200',
      'GET /user 200',
    ]);
    expect(go.received.at(-1)!.headers.authorization).toMatch(/^Bearer acc-\d+$/);
  });
});

describe('wrong servers and redirects get a sentence that says what to do', () => {
  const signedOutClient = (s: ScriptedServer) => new GreenCloudClient(options(s.baseUrl));

  it('an unknown email answered 404 means wrong details, not a wrong server', async () => {
    const go = await goServer();
    const error = await appErrorOf(
      new GreenCloudClient(options(go.baseUrl)).login({
        email: 'nobody@greencloud.test',
        password: goPassword,
      }),
    );
    expect(error.kind).toBe('invalid-credentials');
    expect(error.message).toBe('The email or password is not correct.');
  });

  it('a 404 web page at sign-in is a wrong address', async () => {
    scripted = await startScriptedServer();
    scripted.script({
      status: 404,
      headers: { 'Content-Type': 'text/html' },
      body: '<h1>Not Found</h1>',
    });
    const error = await appErrorOf(
      signedOutClient(scripted).login({ email: goEmail, password: goPassword }),
    );
    expect(error.kind).toBe('unexpected-response');
    expect(error.message).toMatch(/answered with a web page.*Check the server address in Settings/);
  });

  it('a 200 web page (a captive portal) is never taken for success, even for a purchase', async () => {
    scripted = await startScriptedServer();
    scripted.script({
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: '<!doctype html><title>Sign in to Wi-Fi</title>',
    });
    const client = new GreenCloudClient({
      ...options(scripted.baseUrl),
      auth: { accessToken: async () => 'tok', renewAccessToken: async () => 'tok' },
    });
    for (const call of [() => client.buyRefill(), () => client.getAccount()]) {
      const error = await appErrorOf(call());
      expect(error.kind).toBe('unexpected-response');
      expect(error.message).toMatch(/web page, not GreenCloud's API/);
    }
  });

  it('JSON under another content type is refused with a sentence', async () => {
    scripted = await startScriptedServer();
    scripted.script({ status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    const error = await appErrorOf(
      signedOutClient(scripted).login({ email: goEmail, password: goPassword }),
    );
    expect(error.kind).toBe('unexpected-response');
  });

  it('a redirect to https says to use https', async () => {
    scripted = await startScriptedServer();
    const host = new URL(scripted.baseUrl).host;
    scripted.script({ status: 301, headers: { Location: `https://${host}/v1/auth/login` } });
    const error = await appErrorOf(
      signedOutClient(scripted).login({ email: goEmail, password: goPassword }),
    );
    expect(error.kind).toBe('unexpected-response');
    expect(error.message).toBe(
      `The server at ${host} wants a secure connection. Change the server address in Settings to start with https://.`,
    );
    expect(scripted.received).toHaveLength(1);
  });

  it('a 302 elsewhere is not followed and names where it pointed', async () => {
    scripted = await startScriptedServer();
    scripted.script({ status: 302, headers: { Location: 'https://login.corp.example/sso' } });
    const error = await appErrorOf(
      signedOutClient(scripted).login({ email: goEmail, password: goPassword }),
    );
    expect(error.message).toMatch(
      /sent GreenCloud Desktop on to login\.corp\.example \(HTTP 302\)\. Check the server address/,
    );
    expect(scripted.received).toHaveLength(1);
  });
});
