// Sign-in, refresh rotation, API-key sign-in and access-token checks, over real HTTP.

import { describe, expect, it } from 'vitest';
import { demo, twofa, useSandbox } from '../helpers/sandbox-fixture';

const sb = useSandbox();

describe('POST /auth/login', () => {
  it('signs in the demo account with tokens that last an hour', async () => {
    const result = await sb.api('POST', '/auth/login', {
      body: { email: demo.email, password: demo.password },
    });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({
      expiresIn: 3600,
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    expect(result.json.accessToken).not.toBe(result.json.refreshToken);
    expect(result.json.accessToken.length).toBeGreaterThanOrEqual(32);
  });

  it('gives different opaque tokens at every sign-in', async () => {
    const body = { email: demo.email, password: demo.password };
    const first = await sb.api('POST', '/auth/login', { body });
    const second = await sb.api('POST', '/auth/login', { body });
    expect(first.json.accessToken).not.toBe(second.json.accessToken);
    expect(first.json.accessToken).not.toContain(demo.email);
  });

  it('refuses a wrong password with INVALID_CREDENTIALS', async () => {
    const result = await sb.api('POST', '/auth/login', {
      body: { email: demo.email, password: 'Wrong123!' },
    });
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({
      error: 'INVALID_CREDENTIALS',
      message: expect.stringMatching(/\.$/),
    });
  });

  it('refuses an unknown email the same way as a wrong password', async () => {
    const result = await sb.api('POST', '/auth/login', {
      body: { email: 'nobody@greencloud.test', password: demo.password },
    });
    expect(result.status).toBe(401);
    expect(result.json.error).toBe('INVALID_CREDENTIALS');
  });

  it.each([
    [{ password: 'Demo123!' }, 'email'],
    [{ email: 'not-an-email', password: 'Demo123!' }, 'email'],
    [{ email: demo.email }, 'password'],
    [{ email: demo.email, password: 'Sh0rt!' }, 'password'],
    [{ email: demo.email, password: 'NoSpecial123' }, 'password'],
    [{ email: demo.email, password: 12345678 }, 'password'],
    [{ email: demo.email, password: demo.password, twofa: '12345' }, 'twofa'],
  ])('answers 400 VALIDATION_FAILED for %j, naming %s', async (body, field) => {
    const result = await sb.api('POST', '/auth/login', { body });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: 'VALIDATION_FAILED', field });
    expect(result.json.message).toMatch(/^[A-Z].*\.$/);
  });

  it('asks for the 2FA code when the account has 2FA (401 TWOFA_REQUIRED)', async () => {
    const result = await sb.api('POST', '/auth/login', {
      body: { email: twofa.email, password: twofa.password },
    });
    expect(result.status).toBe(401);
    expect(result.json).toMatchObject({ error: 'TWOFA_REQUIRED', field: 'twofa' });
  });

  it('checks the password before asking for 2FA, so 2FA does not reveal the account', async () => {
    const result = await sb.api('POST', '/auth/login', {
      body: { email: twofa.email, password: 'Wrong123!' },
    });
    expect(result.json.error).toBe('INVALID_CREDENTIALS');
  });
});

describe('access tokens', () => {
  it('are accepted as "Bearer <token>" and as the bare token', async () => {
    const token = await sb.signIn();
    expect((await sb.api('GET', '/user', { token })).status).toBe(200);
    expect((await sb.api('GET', '/user', { token, bareToken: true })).status).toBe(200);
  });

  it.each([
    ['missing', undefined],
    ['made up', 'not-a-real-token'],
    ['empty Bearer', ''],
  ])('answer 401 NEEDS_LOGIN when %s', async (_label, token) => {
    const result = await sb.api('GET', '/user', token === undefined ? {} : { token });
    expect(result.status).toBe(401);
    expect(result.json.error).toBe('NEEDS_LOGIN');
  });

  it('expire after expiresIn seconds on the sandbox clock', async () => {
    const token = await sb.signIn();
    await sb.advanceClock(3599);
    expect((await sb.api('GET', '/user', { token })).status).toBe(200);
    await sb.advanceClock(1);
    const expired = await sb.api('GET', '/user', { token });
    expect(expired.status).toBe(401);
    expect(expired.json.error).toBe('NEEDS_LOGIN');
  });
});

describe('POST /auth/refresh', () => {
  it('rotates: gives a new pair, and the old refresh token stops working', async () => {
    const login = await sb.api('POST', '/auth/login', {
      body: { email: demo.email, password: demo.password },
    });
    const first = await sb.api('POST', '/auth/refresh', {
      body: { refreshToken: login.json.refreshToken },
    });
    expect(first.status).toBe(200);
    expect(first.json.expiresIn).toBe(3600);
    expect(first.json.refreshToken).not.toBe(login.json.refreshToken);
    expect((await sb.api('GET', '/user', { token: first.json.accessToken })).json.email).toBe(
      demo.email,
    );

    const replay = await sb.api('POST', '/auth/refresh', {
      body: { refreshToken: login.json.refreshToken },
    });
    expect(replay.status).toBe(401);
    expect(replay.json.error).toBe('NEEDS_LOGIN');

    const next = await sb.api('POST', '/auth/refresh', {
      body: { refreshToken: first.json.refreshToken },
    });
    expect(next.status).toBe(200);
  });

  it('renews a session whose access token has expired', async () => {
    const login = await sb.api('POST', '/auth/login', {
      body: { email: demo.email, password: demo.password },
    });
    await sb.advanceClock(7200);
    expect((await sb.api('GET', '/user', { token: login.json.accessToken })).status).toBe(401);
    const renewed = await sb.api('POST', '/auth/refresh', {
      body: { refreshToken: login.json.refreshToken },
    });
    expect((await sb.api('GET', '/user', { token: renewed.json.accessToken })).status).toBe(200);
  });

  it('refuses a missing refresh token with 400 and an unknown one with 401', async () => {
    const missing = await sb.api('POST', '/auth/refresh', { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ error: 'VALIDATION_FAILED', field: 'refreshToken' });
    const unknown = await sb.api('POST', '/auth/refresh', { body: { refreshToken: 'nope' } });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error).toBe('NEEDS_LOGIN');
  });
});

describe('POST /auth/apiKey', () => {
  it('signs in with the API key and gives no refresh token', async () => {
    const result = await sb.api('POST', '/auth/apiKey', { body: { key: demo.apiKey } });
    expect(result.status).toBe(200);
    expect(result.json.expiresIn).toBe(3600);
    expect(result.json).not.toHaveProperty('refreshToken');
    expect((await sb.api('GET', '/user', { token: result.json.accessToken })).json.email).toBe(
      demo.email,
    );
  });

  it('refuses a well-formed but wrong key with INVALID_CREDENTIALS', async () => {
    const result = await sb.api('POST', '/auth/apiKey', {
      body: { key: '00000000-0000-4000-8000-000000000000' },
    });
    expect(result.status).toBe(401);
    expect(result.json.error).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a key that is not a UUID with VALIDATION_FAILED', async () => {
    const result = await sb.api('POST', '/auth/apiKey', { body: { key: 'abc' } });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: 'VALIDATION_FAILED', field: 'key' });
  });
});
