// 2FA with real TOTP codes computed from the seed: sign-in, replay refusal, drift, and the
// enrol → verify → disable cycle. Codes are checked against the real clock, not the sandbox's.

import { describe, expect, it } from 'vitest';
import { totpCode } from '../../sandbox/totp';
import { demo, totpCodes, twofa, useSandbox } from '../helpers/sandbox-fixture';

const sb = useSandbox();

const login = (code?: string) =>
  sb.api('POST', '/auth/login', {
    body: {
      email: twofa.email,
      password: twofa.password,
      ...(code === undefined ? {} : { twofa: code }),
    },
  });

describe('sign-in with 2FA', () => {
  it('accepts the current code from the seeded secret', async () => {
    const { current } = await totpCodes(twofa.totpSecret);
    const result = await login(current);
    expect(result.status).toBe(200);
    expect(result.json.refreshToken).toEqual(expect.any(String));
  });

  it('never accepts the same code twice for the account', async () => {
    const { current } = await totpCodes(twofa.totpSecret);
    expect((await login(current)).status).toBe(200);
    const replay = await login(current);
    expect(replay.status).toBe(401);
    expect(replay.json).toMatchObject({ error: 'INVALID_TWOFA', field: 'twofa' });
  });

  it('accepts one step of drift either side, each once', async () => {
    const { previous, next } = await totpCodes(twofa.totpSecret);
    expect((await login(previous)).status).toBe(200);
    expect((await login(next)).status).toBe(200);
    expect((await login(previous)).status).toBe(401);
  });

  it('refuses a code two steps old and a wrong code with 401 INVALID_TWOFA', async () => {
    const { stale, current } = await totpCodes(twofa.totpSecret);
    expect((await login(stale)).json.error).toBe('INVALID_TWOFA');
    const wrong = String((Number(current) + 1) % 1_000_000).padStart(6, '0');
    const result = await login(wrong);
    expect(result.status).toBe(401);
    expect(result.json.error).toBe('INVALID_TWOFA');
  });

  it('uses the real clock for codes, so moving the sandbox clock does not break them', async () => {
    await sb.advanceClock(86_400);
    const { current } = await totpCodes(twofa.totpSecret);
    expect((await login(current)).status).toBe(200);
  });

  it('reports the account as having 2FA', async () => {
    const token = await sb.signIn('twofa');
    expect((await sb.api('GET', '/user', { token })).json.twofa).toBe(true);
  });
});

describe('enrolling and removing 2FA', () => {
  it('hands out a fresh seed, turns 2FA on once a code from it is verified, then demands it', async () => {
    const token = await sb.signIn('demo');
    const begin = await sb.api('POST', '/auth/2FA', { token });
    expect(begin.status).toBe(200);
    expect(begin.json.seed).toMatch(/^[A-Z2-7]{16,}$/);
    const again = await sb.api('POST', '/auth/2FA', { token });
    expect(again.json.seed).not.toBe(begin.json.seed);
    const seed: string = again.json.seed;

    // Pending until verified: sign-in still needs no code.
    expect((await sb.api('GET', '/user', { token })).json.twofa).toBe(false);

    const { current } = await totpCodes(seed);
    const verify = await sb.api('POST', '/auth/verify2FA', { token, body: { code: current } });
    expect(verify.status).toBe(200);
    expect(verify.text).toBe('');
    expect((await sb.api('GET', '/user', { token })).json.twofa).toBe(true);

    const noCode = await sb.api('POST', '/auth/login', {
      body: { email: demo.email, password: demo.password },
    });
    expect(noCode.json.error).toBe('TWOFA_REQUIRED');
    const { next } = await totpCodes(seed);
    const withCode = await sb.api('POST', '/auth/login', {
      body: { email: demo.email, password: demo.password, twofa: next },
    });
    expect(withCode.status).toBe(200);
  });

  it('refuses a seed from an earlier request once a newer one was handed out', async () => {
    const token = await sb.signIn('demo');
    const first = (await sb.api('POST', '/auth/2FA', { token })).json.seed as string;
    await sb.api('POST', '/auth/2FA', { token });
    const result = await sb.api('POST', '/auth/verify2FA', {
      token,
      body: { code: totpCode(first, Date.now()) },
    });
    expect(result.status).toBe(403);
  });

  it('answers a wrong verify code with 403 INVALID_TWOFA and leaves 2FA off', async () => {
    const token = await sb.signIn('demo');
    const seed = (await sb.api('POST', '/auth/2FA', { token })).json.seed as string;
    const { stale } = await totpCodes(seed);
    const result = await sb.api('POST', '/auth/verify2FA', { token, body: { code: stale } });
    expect(result.status).toBe(403);
    expect(result.json).toMatchObject({ error: 'INVALID_TWOFA', field: 'code' });
    expect((await sb.api('GET', '/user', { token })).json.twofa).toBe(false);
  });

  it('refuses verify without a started set-up, and a malformed code', async () => {
    const token = await sb.signIn('demo');
    const notStarted = await sb.api('POST', '/auth/verify2FA', { token, body: { code: '123456' } });
    expect(notStarted.status).toBe(400);
    expect(notStarted.json.error).toBe('TWOFA_NOT_STARTED');
    await sb.api('POST', '/auth/2FA', { token });
    const malformed = await sb.api('POST', '/auth/verify2FA', { token, body: { code: 'abc' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ error: 'VALIDATION_FAILED', field: 'code' });
  });

  it('refuses to start set-up when 2FA is already on', async () => {
    const token = await sb.signIn('twofa');
    const result = await sb.api('POST', '/auth/2FA', { token });
    expect(result.status).toBe(400);
    expect(result.json.error).toBe('TWOFA_ALREADY_ENABLED');
  });

  it('turns 2FA off with a valid code (204), after which sign-in needs no code', async () => {
    const token = await sb.signIn('twofa');
    const { next } = await totpCodes(twofa.totpSecret);
    const result = await sb.api('DELETE', '/auth/2FA', { token, body: { code: next } });
    expect(result.status).toBe(204);
    expect((await sb.api('GET', '/user', { token })).json.twofa).toBe(false);
    expect((await login()).status).toBe(200);
  });

  it('keeps 2FA on when the disable code is missing (403 TWOFA_REQUIRED), wrong or replayed (403 INVALID_TWOFA)', async () => {
    const token = await sb.signIn('twofa');
    const missing = await sb.api('DELETE', '/auth/2FA', { token, body: {} });
    expect(missing.status).toBe(403);
    expect(missing.json.error).toBe('TWOFA_REQUIRED');
    const { current, stale } = await totpCodes(twofa.totpSecret);
    // `current` was used to sign in a moment ago.
    const replayed = await sb.api('DELETE', '/auth/2FA', { token, body: { code: current } });
    expect(replayed.status).toBe(403);
    expect(replayed.json.error).toBe('INVALID_TWOFA');
    expect((await sb.api('DELETE', '/auth/2FA', { token, body: { code: stale } })).json.error).toBe(
      'INVALID_TWOFA',
    );
    expect((await sb.api('GET', '/user', { token })).json.twofa).toBe(true);
  });

  it('says 2FA is not on when asked to disable it on an account without it', async () => {
    const token = await sb.signIn('demo');
    const result = await sb.api('DELETE', '/auth/2FA', { token, body: { code: '123456' } });
    expect(result.status).toBe(400);
    expect(result.json.error).toBe('TWOFA_NOT_ENABLED');
  });

  it('needs a signed-in user for every 2FA call', async () => {
    for (const [method, path] of [
      ['POST', '/auth/2FA'],
      ['POST', '/auth/verify2FA'],
      ['DELETE', '/auth/2FA'],
    ] as const) {
      const result = await sb.api(method, path, { body: { code: '123456' } });
      expect(result.status, `${method} ${path}`).toBe(401);
      expect(result.json.error).toBe('NEEDS_LOGIN');
    }
  });
});
