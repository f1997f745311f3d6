// The account endpoints: the account object, flags (a field left out is false), password change
// with 2FA, and the reset flow through the outbox with its 1-hour expiry on the sandbox clock.

import { describe, expect, it } from 'vitest';
import { accountResponse } from '../../src-main/common/api-schemas';
import { demo, totpCodes, twofa, useSandbox } from '../helpers/sandbox-fixture';

const sb = useSandbox();

const canSignIn = async (email: string, password: string) =>
  (await sb.api('POST', '/auth/login', { body: { email, password } })).status === 200;

describe('GET /user', () => {
  it('returns the seeded demo account in the documented shape', async () => {
    const token = await sb.signIn();
    const result = await sb.api('GET', '/user', { token });
    expect(result.status).toBe(200);
    expect(accountResponse.parse(result.json)).toEqual(result.json);
    expect(result.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      email: demo.email,
      name: expect.any(String),
      surname: expect.any(String),
      address: {
        company: 'GreenCloud',
        street: 'My House 8295',
        district: 'Entre Rios',
        city: 'Parana',
        postCode: '3100',
        country: 'AR',
      },
      twofa: false,
      apiKey: demo.apiKey,
      bundle: { name: 'DEVELOPER', quota: 100000, price: 9.99 },
      flags: { bundleAutoRenewal: true, lowQuotaNotification: true },
    });
  });

  it('returns the twofa account with a STARTER bundle of 1,000', async () => {
    const token = await sb.signIn('twofa');
    const result = await sb.api('GET', '/user', { token });
    expect(result.json).toMatchObject({
      email: twofa.email,
      twofa: true,
      bundle: { name: 'STARTER', quota: 1000 },
    });
  });
});

describe('PUT /user/flags', () => {
  it('sets both flags (204)', async () => {
    const token = await sb.signIn();
    const result = await sb.api('PUT', '/user/flags', {
      token,
      body: { bundleAutoRenewal: false, lowQuotaNotification: true },
    });
    expect(result.status).toBe(204);
    expect((await sb.api('GET', '/user', { token })).json.flags).toEqual({
      bundleAutoRenewal: false,
      lowQuotaNotification: true,
    });
  });

  it('turns off a flag that is left out, as documented', async () => {
    const token = await sb.signIn();
    await sb.api('PUT', '/user/flags', { token, body: { lowQuotaNotification: true } });
    expect((await sb.api('GET', '/user', { token })).json.flags).toEqual({
      bundleAutoRenewal: false,
      lowQuotaNotification: true,
    });
    await sb.api('PUT', '/user/flags', { token, body: {} });
    expect((await sb.api('GET', '/user', { token })).json.flags).toEqual({
      bundleAutoRenewal: false,
      lowQuotaNotification: false,
    });
  });

  it('refuses a flag that is not a boolean and changes nothing', async () => {
    const token = await sb.signIn();
    const result = await sb.api('PUT', '/user/flags', {
      token,
      body: { bundleAutoRenewal: 'yes', lowQuotaNotification: false },
    });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: 'VALIDATION_FAILED', field: 'bundleAutoRenewal' });
    expect((await sb.api('GET', '/user', { token })).json.flags).toEqual({
      bundleAutoRenewal: true,
      lowQuotaNotification: true,
    });
  });

  it('needs a signed-in user', async () => {
    expect((await sb.api('PUT', '/user/flags', { body: {} })).status).toBe(401);
  });
});

describe('PUT /user/password', () => {
  it('changes the password (204): the new one signs in, the old one does not', async () => {
    const token = await sb.signIn();
    const result = await sb.api('PUT', '/user/password', {
      token,
      body: { password: 'Fresh456#' },
    });
    expect(result.status).toBe(204);
    expect(await canSignIn(demo.email, 'Fresh456#')).toBe(true);
    expect(await canSignIn(demo.email, demo.password)).toBe(false);
  });

  it.each([
    ['too short', 'Ab1!', /at least 8/],
    ['no special character', 'Password1', /! @ # \$ % & \*/],
    ['missing', undefined, /required/],
  ])('refuses a password that is %s (400, field password)', async (_label, password, message) => {
    const token = await sb.signIn();
    const result = await sb.api('PUT', '/user/password', {
      token,
      body: password === undefined ? {} : { password },
    });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: 'VALIDATION_FAILED', field: 'password' });
    expect(result.json.message).toMatch(message);
  });

  it('needs the 2FA code on a 2FA account: 403 TWOFA_REQUIRED, then 403 INVALID_TWOFA, then 204', async () => {
    const token = await sb.signIn('twofa');
    const missing = await sb.api('PUT', '/user/password', {
      token,
      body: { password: 'Fresh456#' },
    });
    expect(missing.status).toBe(403);
    expect(missing.json).toMatchObject({ error: 'TWOFA_REQUIRED', field: 'twofa' });
    const { stale, next } = await totpCodes(twofa.totpSecret);
    const wrong = await sb.api('PUT', '/user/password', {
      token,
      body: { password: 'Fresh456#', twofa: stale },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error).toBe('INVALID_TWOFA');
    const ok = await sb.api('PUT', '/user/password', {
      token,
      body: { password: 'Fresh456#', twofa: next },
    });
    expect(ok.status).toBe(204);
  });
});

describe('resetting a forgotten password', () => {
  const request = (email: string) => sb.api('POST', '/user/resetPassword', { body: { email } });
  const setPassword = (body: Record<string, string>) =>
    sb.apiWithBody('GET', '/user/resetPassword', body);
  const codeFor = async (email: string) => {
    const [latest] = await sb.outbox(email);
    expect(latest?.kind).toBe('reset-code');
    return latest!.code!;
  };

  it('emails a 32-hex code, which sets a new password through a GET with a JSON body', async () => {
    expect((await request(demo.email)).status).toBe(204);
    const code = await codeFor(demo.email);
    expect(code).toMatch(/^[0-9a-f]{32}$/);
    const result = await setPassword({ password: 'Reset789$', code });
    expect(result.status).toBe(204);
    expect(await canSignIn(demo.email, 'Reset789$')).toBe(true);
    expect(await canSignIn(demo.email, demo.password)).toBe(false);
  });

  it('answers 204 for an unknown email too, and sends nothing', async () => {
    const result = await request('nobody@greencloud.test');
    expect(result.status).toBe(204);
    expect(result.text).toBe('');
    expect(await sb.outbox('nobody@greencloud.test')).toEqual([]);
  });

  it('refuses a malformed email with 400', async () => {
    const result = await request('not an email');
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: 'VALIDATION_FAILED', field: 'email' });
  });

  it('uses each code once', async () => {
    await request(demo.email);
    const code = await codeFor(demo.email);
    expect((await setPassword({ password: 'Reset789$', code })).status).toBe(204);
    const again = await setPassword({ password: 'Other789$', code });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ error: 'INVALID_RESET_CODE', field: 'code' });
  });

  it('lets a code expire after one hour on the sandbox clock', async () => {
    await request(demo.email);
    const code = await codeFor(demo.email);
    await sb.advanceClock(3601);
    const result = await setPassword({ password: 'Reset789$', code });
    expect(result.status).toBe(400);
    expect(result.json.error).toBe('INVALID_RESET_CODE');
    expect(await canSignIn(demo.email, demo.password)).toBe(true);
  });

  it('still accepts a code just inside the hour', async () => {
    await request(demo.email);
    const code = await codeFor(demo.email);
    await sb.advanceClock(3500);
    expect((await setPassword({ password: 'Reset789$', code })).status).toBe(204);
  });

  it('refuses a made-up code and a weak password', async () => {
    await request(demo.email);
    const code = await codeFor(demo.email);
    expect((await setPassword({ password: 'Reset789$', code: '0'.repeat(32) })).json.error).toBe(
      'INVALID_RESET_CODE',
    );
    const weak = await setPassword({ password: 'weak', code });
    expect(weak.status).toBe(400);
    expect(weak.json).toMatchObject({ error: 'VALIDATION_FAILED', field: 'password' });
    const noBody = await sb.api('GET', '/user/resetPassword');
    expect(noBody.status).toBe(400);
    expect(noBody.json.field).toBe('password');
  });

  it('needs the 2FA code for a 2FA account, and keeps the code usable until it succeeds', async () => {
    await request(twofa.email);
    const code = await codeFor(twofa.email);
    const missing = await setPassword({ password: 'Reset789$', code });
    expect(missing.status).toBe(403);
    expect(missing.json.error).toBe('TWOFA_REQUIRED');
    const { stale, current } = await totpCodes(twofa.totpSecret);
    expect((await setPassword({ password: 'Reset789$', code, twofa: stale })).json.error).toBe(
      'INVALID_TWOFA',
    );
    expect((await setPassword({ password: 'Reset789$', code, twofa: current })).status).toBe(204);
  });

  it('replaces an older code when a new one is requested', async () => {
    await request(demo.email);
    const older = await codeFor(demo.email);
    await request(demo.email);
    const newer = await codeFor(demo.email);
    expect(newer).not.toBe(older);
    expect((await setPassword({ password: 'Reset789$', code: older })).status).toBe(400);
    expect((await setPassword({ password: 'Reset789$', code: newer })).status).toBe(204);
  });
});
