// What a web page in the user's browser can do to a sandbox on 127.0.0.1: nothing. A request that
// names a foreign Origin is refused before its body is read, and the copy embedded in the app has
// no control routes at all. The standalone sandbox keeps them, as the README spells them.

import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/server';
import { startEmbeddedSandbox, type RunningEmbeddedSandbox } from '../../sandbox/embedded';
import { demo, rawRequest, useSandbox } from '../helpers/sandbox-fixture';

const sb = useSandbox();

describe('Origin', () => {
  it.each([
    ['https://evil.example'],
    ['http://127.0.0.1:1'],
    ['null'],
    ['http://localhost.evil.example'],
  ])('refuses a request from %s with 403 and changes nothing', async (origin) => {
    const reset = await rawRequest(`${sb.sandbox.origin}/_sandbox/reset`, 'POST', undefined, {
      Origin: origin,
    });
    expect(reset.status).toBe(403);
    expect(reset.json.error).toBe('FORBIDDEN_ORIGIN');
    const login = await rawRequest(
      `${sb.sandbox.apiBaseUrl}/auth/login`,
      'POST',
      JSON.stringify({ email: demo.email, password: demo.password }),
      { Origin: origin },
    );
    expect(login.status).toBe(403);
    expect(login.json.message).toMatch(/web pages/);
    expect((await sb.control('GET', '/requests')).json).toEqual([
      { method: 'POST', path: '/v1/auth/login', status: 403, at: expect.any(String) },
    ]);
  });

  it('answers its own origin and requests with none', async () => {
    const own = await rawRequest(
      `${sb.sandbox.apiBaseUrl}/auth/login`,
      'POST',
      JSON.stringify({ email: demo.email, password: demo.password }),
      { Origin: `http://localhost:${sb.sandbox.port}` },
    );
    expect(own.status).toBe(200);
    expect((await sb.api('POST', '/auth/login', { body: demo })).status).toBe(200);
  });
});

describe('bounded, linear checks', () => {
  it('judges a login body of almost 100 KB in milliseconds', async () => {
    const email = `a@${'b'.repeat(100 * 1024 - 200)}`;
    const started = performance.now();
    const result = await sb.api('POST', '/auth/login', { body: { email, password: 'Demo123!' } });
    expect(performance.now() - started).toBeLessThan(100);
    expect(result.status).toBe(400);
    expect(result.json).toEqual({
      error: 'VALIDATION_FAILED',
      message: 'Email must be at most 254 characters long.',
      field: 'email',
    });
  });
});

describe('the embedded copy', () => {
  let embedded: RunningEmbeddedSandbox;
  beforeAll(async () => {
    embedded = await startEmbeddedSandbox();
  });
  afterAll(() => embedded.close());

  it.each([
    ['POST', '/_sandbox/reset'],
    ['POST', '/_sandbox/consume'],
    ['PATCH', '/_sandbox/account'],
    ['GET', '/_sandbox/outbox'],
    ['GET', '/_sandbox/requests'],
    ['POST', '/_sandbox/faults'],
    ['POST', '/_sandbox/clock'],
  ])('mounts no %s %s', async (method, path) => {
    const result = await rawRequest(`${embedded.origin}${path}`, method, '{}');
    expect(result.status).toBe(404);
  });

  it('still serves the API', async () => {
    const result = await rawRequest(
      `${embedded.apiBaseUrl}/auth/login`,
      'POST',
      JSON.stringify({ email: demo.email, password: demo.password }),
    );
    expect(result.status).toBe(200);
  });

  it('the standalone sandbox keeps every control route', async () => {
    const standalone = await startSandbox({ port: 0 });
    try {
      const reset = await rawRequest(`${standalone.origin}/_sandbox/reset`, 'POST', undefined);
      expect(reset.status).toBe(204);
      const log = await rawRequest(`${standalone.origin}/_sandbox/requests`, 'GET', undefined);
      expect(log.status).toBe(200);
    } finally {
      await standalone.close();
    }
  });
});
