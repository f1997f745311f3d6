// How error replies become AppErrors: the sandbox's JSON errors, and, from a scripted loopback
// server, the shapes the sandbox never sends (plain text, empty, HTML, a message echoing a secret,
// Retry-After as an HTTP date). Also what the client puts on the wire.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GreenCloudClient } from '../../../src-main/api/greencloud-client';
import { appErrorOf } from './helpers/app-error-of';
import {
  instantSleep,
  openSandbox,
  sandboxAccounts,
  userAgent,
  type Sandbox,
} from './helpers/sandbox-fixture';
import { startScriptedServer, type ScriptedServer } from './helpers/scripted-server';

const { demo } = sandboxAccounts;

describe('errors from the sandbox', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await openSandbox();
  });
  afterEach(async () => {
    await sandbox.close();
  });

  it('maps wrong sign-in details to invalid-credentials with our own sentence', async () => {
    const error = await appErrorOf(
      sandbox.client().login({ email: demo.email, password: 'Wrong123!' }),
    );
    expect(error.kind).toBe('invalid-credentials');
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(error.message).toBe('The email or password is not correct.');
    expect(error.message).not.toContain('Wrong123!');
  });

  it('maps an unknown API key to invalid-credentials about the key', async () => {
    const error = await appErrorOf(
      sandbox.client().loginWithApiKey('00000000-0000-4000-8000-000000000000'),
    );
    expect(error.kind).toBe('invalid-credentials');
    expect(error.message).toMatch(/API key/);
  });

  it('maps a 5xx to server, and a 429 without a code to rate-limited', async () => {
    const { client } = await sandbox.signedIn('demo');
    await sandbox.fault({ mode: 'status', status: 503, count: 1, path: '/v1/user/flags' });
    const server = await appErrorOf(
      client.setFlags({ bundleAutoRenewal: true, lowQuotaNotification: true }),
    );
    expect(server.kind).toBe('server');
    expect(server.message).toContain('503');

    await sandbox.fault({ mode: 'status', status: 429, count: 1, path: '/v1/user/flags' });
    const limited = await appErrorOf(
      client.setFlags({ bundleAutoRenewal: true, lowQuotaNotification: true }),
    );
    expect(limited.kind).toBe('rate-limited');
  });
});

describe('error bodies of every shape', () => {
  let server: ScriptedServer;
  let client: GreenCloudClient;
  const now = Date.UTC(2030, 5, 1, 12, 0, 0);
  beforeEach(async () => {
    server = await startScriptedServer();
    client = new GreenCloudClient({
      baseUrl: server.baseUrl,
      userAgent,
      sleep: instantSleep,
      readRetries: 0,
      now: () => now,
      auth: { accessToken: async () => 'tok-123', renewAccessToken: async () => 'tok-456' },
    });
  });
  afterEach(async () => {
    await server.close();
  });

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

  it('uses a JSON body: code, field and a plain server sentence', async () => {
    server.script(
      json(400, {
        error: 'VALIDATION_FAILED',
        message: 'City must be letters only.',
        field: 'address.city',
      }),
    );
    const error = await appErrorOf(
      client.setFlags({ bundleAutoRenewal: true, lowQuotaNotification: false }),
    );
    expect(error.toData()).toEqual({
      kind: 'validation',
      code: 'VALIDATION_FAILED',
      field: 'address.city',
      message: 'City must be letters only.',
    });
  });

  it('maps NO_QUOTA_AVAILABLE and NEEDS_UPGRADE', async () => {
    server.script(
      json(403, { error: 'NO_QUOTA_AVAILABLE', message: 'no quota' }),
      json(403, { error: 'NEEDS_UPGRADE' }),
    );
    expect((await appErrorOf(client.buyRefill())).kind).toBe('no-quota');
    expect((await appErrorOf(client.buyRefill())).kind).toBe('not-allowed');
  });

  it('understands a plain-text body: a sentence is shown, a bare code is mapped', async () => {
    server.script(
      {
        status: 403,
        headers: { 'Content-Type': 'text/plain' },
        body: 'Refills are paused for your account',
      },
      { status: 402, headers: { 'Content-Type': 'text/plain' }, body: 'PAYMENT_DECLINED\n' },
    );
    const sentence = await appErrorOf(client.buyRefill());
    expect(sentence.kind).toBe('not-allowed');
    expect(sentence.message).toBe('Refills are paused for your account.');
    const code = await appErrorOf(client.buyRefill());
    expect(code.kind).toBe('payment-declined');
    expect(code.code).toBe('PAYMENT_DECLINED');
  });

  it('copes with an empty body', async () => {
    server.script({ status: 400 }, { status: 500 });
    const bad = await appErrorOf(client.changeCard('pm_card_visa'));
    expect(bad.kind).toBe('validation');
    expect(bad.message).toBe('GreenCloud did not accept these details. Check them and try again.');
    const broken = await appErrorOf(client.changeCard('pm_card_visa'));
    expect(broken.kind).toBe('server');
  });

  it('never shows raw JSON, HTML, a stack or a secret the server echoed', async () => {
    server.script(
      json(403, { error: 'SOMETHING_NEW', message: '{"detail":"internal"}' }),
      {
        status: 403,
        headers: { 'Content-Type': 'text/html' },
        body: '<html><body>Forbidden</body></html>',
      },
      json(403, { message: 'TypeError: x is undefined\n    at handler (/srv/app.js:10:5)' }),
      json(400, {
        error: 'VALIDATION_FAILED',
        message: 'Password Secret99! is too common',
        field: 'password',
      }),
    );
    for (let i = 0; i < 3; i += 1) {
      const error = await appErrorOf(client.buyRefill());
      expect(error.kind).toBe('not-allowed');
      expect(error.message).toBe('GreenCloud does not allow this for your account.');
    }
    const echoed = await appErrorOf(client.changePassword({ password: 'Secret99!' }));
    expect(echoed.field).toBe('password');
    expect(echoed.message).not.toContain('Secret99!');
    expect(echoed.message).toBe('GreenCloud did not accept the password. Check it and try again.');
  });

  it('reads Retry-After as seconds or as an HTTP date', async () => {
    server.script(
      json(429, { error: 'CARD_CHANGE_TOO_SOON' }, { 'Retry-After': '7200' }),
      json(
        429,
        { error: 'CARD_CHANGE_TOO_SOON' },
        { 'Retry-After': new Date(now + 90 * 60_000).toUTCString() },
      ),
      json(429, { error: 'SLOW_DOWN' }, { 'Retry-After': '30' }),
    );
    const seconds = await appErrorOf(client.changeCard('pm_card_visa'));
    expect(seconds.kind).toBe('too-soon');
    expect(seconds.retryAt).toBe(now + 7_200_000);
    expect(seconds.message).toBe(
      'The card can be changed once every 24 hours. You can change it again in about 2 hours.',
    );
    const date = await appErrorOf(client.changeCard('pm_card_mastercard'));
    expect(date.retryAt).toBe(now + 90 * 60_000);
    const limited = await appErrorOf(client.buyRefill());
    expect(limited.kind).toBe('rate-limited');
    expect(limited.retryAt).toBe(now + 30_000);
  });

  it('accepts another 2xx than the documented one rather than invite a second payment', async () => {
    server.script({ status: 200, body: '{}' });
    await expect(client.buyRefill()).resolves.toBeUndefined();
  });

  it('treats a redirect or a reply that does not fit the schema as unexpected-response', async () => {
    server.script(
      { status: 301, headers: { Location: 'http://elsewhere/' } },
      json(200, { id: 42 }),
    );
    expect((await appErrorOf(client.getAccount())).kind).toBe('unexpected-response');
    const wrongShape = await appErrorOf(client.getAccount());
    expect(wrongShape.kind).toBe('unexpected-response');
    expect(wrongShape.message).toContain('127.0.0.1');
  });

  it('sends JSON with the right headers, the bare token, and a GET body for Set Password', async () => {
    server.script({ status: 204 });
    await client.setPasswordWithCode({
      password: 'Fresh456#',
      code: 'b352935253674aeeb43d4ed4362745ab',
    });
    await client.buyRefill();
    const [setPassword, buy] = server.received;
    expect(setPassword!.method).toBe('GET');
    expect(setPassword!.url).toBe('/v1/user/resetPassword');
    expect(JSON.parse(setPassword!.body)).toEqual({
      password: 'Fresh456#',
      code: 'b352935253674aeeb43d4ed4362745ab',
    });
    expect(setPassword!.headers['content-type']).toBe('application/json');
    expect(setPassword!.headers.authorization).toBeUndefined();
    expect(setPassword!.headers['user-agent']).toBe(userAgent);
    expect(setPassword!.headers.accept).toBe('application/json');

    expect(buy!.method).toBe('POST');
    expect(buy!.body).toBe('');
    expect(buy!.headers['content-type']).toBeUndefined();
    expect(buy!.headers.authorization).toBe('tok-123');
  });

  it('sends both flags, and the card change to /user/card/ with address.default', async () => {
    server.script({ status: 204 });
    await client.setFlags({ bundleAutoRenewal: false, lowQuotaNotification: true });
    await client.changeCard('pm_card_visa');
    const [flags, card] = server.received;
    expect(flags!.method).toBe('PUT');
    expect(JSON.parse(flags!.body)).toEqual({
      bundleAutoRenewal: false,
      lowQuotaNotification: true,
    });
    expect(card!.method).toBe('PUT');
    expect(card!.url).toBe('/v1/user/card/');
    expect(JSON.parse(card!.body)).toEqual({
      paymentMethod: 'pm_card_visa',
      address: { default: true },
    });
  });
});
