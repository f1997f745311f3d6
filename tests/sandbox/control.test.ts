// The /_sandbox/ control endpoints that are not about quota: outbox, request log, faults, clock
// and reset, including their own input checks.

import { describe, expect, it } from 'vitest';
import { demo, totpCodes, twofa, useSandbox } from '../helpers/sandbox-fixture';

const sb = useSandbox();

const fault = (body: Record<string, unknown>) => sb.control('POST', '/faults', body);
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

describe('GET /_sandbox/outbox', () => {
  it('lists emails newest first, filtered by recipient (case-insensitive), or all without a filter', async () => {
    await sb.api('POST', '/user/resetPassword', { body: { email: demo.email } });
    await sb.control('POST', '/consume', { email: demo.email, count: 95_000 });
    await sb.api('POST', '/user/resetPassword', { body: { email: twofa.email } });
    expect((await sb.outbox('DEMO@greencloud.test')).map((e) => e.kind)).toEqual([
      'low-quota',
      'reset-code',
    ]);
    const all = (await sb.control('GET', '/outbox')).json as Array<{ to: string }>;
    expect(all.map((e) => e.to)).toEqual([twofa.email, demo.email, demo.email]);
  });
});

describe('GET /_sandbox/requests', () => {
  it('logs API requests with method, path, status and time, and nothing else', async () => {
    const token = await sb.signIn();
    await sb.api('GET', '/user?token=leak-me', { token });
    await sb.api('GET', '/invoice/nope', { token });
    const log = (await sb.control('GET', '/requests')).json as Array<Record<string, unknown>>;
    expect(log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      'POST /v1/auth/login 200',
      'GET /v1/user 200',
      'GET /v1/invoice/nope 404',
    ]);
    for (const entry of log) {
      expect(Object.keys(entry).sort()).toEqual(['at', 'method', 'path', 'status']);
      expect(Number.isNaN(Date.parse(String(entry.at)))).toBe(false);
    }
  });

  it('holds no passwords, codes, tokens or query strings', async () => {
    const login = await sb.api('POST', '/auth/login', {
      body: { email: demo.email, password: demo.password },
    });
    const { accessToken, refreshToken } = login.json;
    await sb.api('POST', '/auth/refresh', { body: { refreshToken } });
    await sb.api('POST', '/user/resetPassword', { body: { email: twofa.email } });
    const [mail] = await sb.outbox(twofa.email);
    const { current } = await totpCodes(twofa.totpSecret);
    await sb.apiWithBody('GET', '/user/resetPassword', {
      password: 'Secret99!',
      code: mail!.code,
      twofa: current,
    });
    await sb.api('GET', `/user?key=${demo.apiKey}`, { token: accessToken });
    const text = (await sb.control('GET', '/requests')).text;
    for (const secret of [
      demo.password,
      'Secret99!',
      accessToken,
      refreshToken,
      mail!.code!,
      current,
      demo.apiKey,
      demo.email,
      '?',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('/v1/user/resetPassword');
  });

  it('leaves out the control calls themselves', async () => {
    await sb.control('GET', '/outbox');
    expect((await sb.control('GET', '/requests')).json).toEqual([]);
  });
});

describe('POST /_sandbox/faults', () => {
  it('latency: delays the next count API requests, then answers normally', async () => {
    expect((await fault({ mode: 'latency', ms: 400, count: 1 })).status).toBe(204);
    const slow = await timed(() => sb.api('POST', '/auth/apiKey', { body: { key: demo.apiKey } }));
    expect(slow.ms).toBeGreaterThanOrEqual(380);
    expect(slow.value.status).toBe(200);
    const fast = await timed(() => sb.api('POST', '/auth/apiKey', { body: { key: demo.apiKey } }));
    expect(fast.ms).toBeLessThan(300);
  });

  it('status: answers the next count API requests with that status and a JSON error', async () => {
    await fault({ mode: 'status', status: 503, count: 2 });
    const first = await sb.api('GET', '/user');
    expect(first.status).toBe(503);
    expect(first.json).toMatchObject({ error: 'SANDBOX_FAULT', message: expect.any(String) });
    expect(first.headers['retry-after']).toBe('1');
    expect((await sb.api('GET', '/user')).status).toBe(503);
    expect((await sb.api('GET', '/user')).status).toBe(401);
  });

  it('reset: cuts the connection, logged with status 0', async () => {
    await fault({ mode: 'reset', count: 1 });
    await expect(sb.api('GET', '/user')).rejects.toThrow();
    expect((await sb.api('GET', '/user')).status).toBe(401);
    const log = (await sb.control('GET', '/requests')).json as Array<{ status: number }>;
    expect(log.map((e) => e.status)).toEqual([0, 401]);
  });

  it('malformed: answers 200 with a JSON content type and a body that is not JSON', async () => {
    await fault({ mode: 'malformed', count: 1 });
    const result = await sb.api('GET', '/invoice/list');
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toMatch(/application\/json/);
    expect(() => JSON.parse(result.text)).toThrow();
  });

  it('path: hits only requests on exactly that path, and keeps waiting for one', async () => {
    await fault({ mode: 'status', status: 500, count: 1, path: '/v1/invoice/list' });
    const token = await sb.signIn();
    expect((await sb.api('GET', '/user', { token })).status).toBe(200);
    expect((await sb.api('GET', '/invoice/inv_000001', { token })).status).toBe(200);
    expect((await sb.api('GET', '/invoice/list', { token })).status).toBe(500);
    expect((await sb.api('GET', '/invoice/list', { token })).status).toBe(200);
  });

  it('does not touch the control endpoints', async () => {
    await fault({ mode: 'status', status: 500, count: 1 });
    expect((await sb.control('GET', '/outbox')).status).toBe(200);
    expect((await sb.api('GET', '/user')).status).toBe(500);
  });

  it('is cleared by a reset', async () => {
    await fault({ mode: 'status', status: 500, count: 5 });
    await sb.control('POST', '/reset');
    expect((await sb.api('GET', '/user')).status).toBe(401);
  });

  it.each([
    [{ mode: 'explode', count: 1 }, 'mode'],
    [{ mode: 'latency', count: 1 }, 'ms'],
    [{ mode: 'status', count: 1 }, 'status'],
    [{ mode: 'status', status: 200, count: 1 }, 'status'],
    [{ mode: 'reset' }, 'count'],
    [{ mode: 'reset', count: 0 }, 'count'],
    [{ mode: 'reset', count: 1, path: '/_sandbox/reset' }, 'path'],
  ])('refuses %j with 400 on %s', async (body, field) => {
    const result = await fault(body);
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: 'VALIDATION_FAILED', field });
    expect(result.json.message).toMatch(/^[A-Za-z].*\.$/);
  });
});

describe('POST /_sandbox/clock', () => {
  it('moves the sandbox clock forward and says where it is', async () => {
    const result = await sb.control('POST', '/clock', { advanceSeconds: 86_400 });
    expect(result.status).toBe(200);
    const ahead = Date.parse(result.json.now) - Date.now();
    expect(ahead).toBeGreaterThan(86_400_000 - 5000);
    expect(ahead).toBeLessThan(86_400_000 + 5000);
  });

  it.each([[{ advanceSeconds: -5 }], [{ advanceSeconds: 0 }], [{ advanceSeconds: '60' }], [{}]])(
    'refuses %j with 400',
    async (body) => {
      const result = await sb.control('POST', '/clock', body);
      expect(result.status).toBe(400);
      expect(result.json).toMatchObject({ error: 'VALIDATION_FAILED', field: 'advanceSeconds' });
    },
  );
});

describe('POST /_sandbox/reset', () => {
  it('puts accounts, tokens, outbox, log and clock back to the seeded start', async () => {
    const token = await sb.signIn();
    await sb.api('PUT', '/user/bundle/starter', { token });
    await sb.api('POST', '/user/resetPassword', { body: { email: demo.email } });
    await sb.advanceClock(1000);
    const reset = await sb.control('POST', '/reset');
    expect(reset.status).toBe(204);
    expect((await sb.api('GET', '/user', { token })).status).toBe(401);
    const fresh = await sb.signIn();
    expect((await sb.api('GET', '/user', { token: fresh })).json.bundle).toEqual({
      name: 'DEVELOPER',
      quota: 100_000,
      price: 9.99,
    });
    expect(await sb.outbox(demo.email)).toEqual([]);
    // Only what came after the reset: the refused old token, the new sign-in, the account.
    const log = (await sb.control('GET', '/requests')).json as Array<{
      path: string;
      status: number;
    }>;
    expect(log.map((e) => `${e.path} ${e.status}`)).toEqual([
      '/v1/user 401',
      '/v1/auth/login 200',
      '/v1/user 200',
    ]);
    const clock = await sb.control('POST', '/clock', { advanceSeconds: 1 });
    expect(Math.abs(Date.parse(clock.json.now) - Date.now())).toBeLessThan(5000);
  });
});

describe('control routes', () => {
  it('answer 404 JSON for an unknown control path and 405 for a wrong method', async () => {
    const missing = await sb.control('POST', '/explode');
    expect(missing.status).toBe(404);
    expect(missing.json.error).toBe('NOT_FOUND');
    const wrong = await sb.control('GET', '/reset');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
  });
});
