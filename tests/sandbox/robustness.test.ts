// The sandbox never falls over: oversized, broken, mistyped or hostile input always gets a JSON
// error with a sentence, and the server keeps answering afterwards.

import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { demo, rawRequest, useSandbox } from '../helpers/sandbox-fixture';

const sb = useSandbox();

const isPublishedErrorBody = (json: unknown) =>
  typeof json === 'object' &&
  json !== null &&
  typeof (json as { error?: unknown }).error === 'string' &&
  /^[A-Z][A-Z_]+$/.test((json as { error: string }).error) &&
  typeof (json as { message?: unknown }).message === 'string';

describe('request bodies', () => {
  it('refuses a body over 100 KB with 413', async () => {
    const result = await sb.api('POST', '/auth/login', {
      body: { email: demo.email, password: 'x'.repeat(200 * 1024) },
    });
    expect(result.status).toBe(413);
    expect(result.json.error).toBe('PAYLOAD_TOO_LARGE');
  });

  it('reads a body just under the limit and judges its content: no password is that long', async () => {
    const result = await sb.api('POST', '/auth/login', {
      body: { email: demo.email, password: `!${'x'.repeat(90 * 1024)}` },
    });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({
      error: 'VALIDATION_FAILED',
      field: 'password',
      message: 'Password must be at most 256 characters long.',
    });
  });

  it('refuses broken JSON with 400 VALIDATION_FAILED', async () => {
    const result = await sb.api('POST', '/auth/login', {
      body: '{"email": "demo@greencloud.test",',
    });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({
      error: 'VALIDATION_FAILED',
      message: 'The request body is not valid JSON.',
    });
  });

  it.each([['[]'], ['"text"'], ['null'], ['42']])(
    'refuses the non-object JSON body %s with 400',
    async (body) => {
      const result = await sb.api('POST', '/auth/login', { body });
      expect(result.status).toBe(400);
      expect(result.json.error).toBe('VALIDATION_FAILED');
      expect(result.json.message).toMatch(/\.$/);
    },
  );

  it('survives JSON nested deeper than any parser stack', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const result = await sb.api('POST', '/auth/login', { body: deep });
    expect(result.status).toBe(400);
  });

  it('asks for Content-Type: application/json on a body (415)', async () => {
    const result = await sb.api('POST', '/auth/login', {
      body: JSON.stringify({ email: demo.email, password: demo.password }),
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(result.status).toBe(415);
    expect(result.json.error).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers every body-reading route without a 500, with a published error body when refused', async () => {
    const token = await sb.signIn();
    // Every route that reads a body (POST /auth/2FA and Buy take none).
    const routes = [
      ['POST', '/auth/login'],
      ['POST', '/auth/refresh'],
      ['POST', '/auth/apiKey'],
      ['POST', '/auth/verify2FA'],
      ['DELETE', '/auth/2FA'],
      ['PUT', '/user/flags'],
      ['PUT', '/user/password'],
      ['POST', '/user/resetPassword'],
      ['GET', '/user/resetPassword'],
      ['POST', '/user/bundle'],
      ['PUT', '/user/bundle/%00'],
      ['PUT', '/user/card/'],
      ['GET', '/invoice/%E0%A4%A'],
    ] as const;
    const bodies = [
      '{"email":null,"password":{},"twofa":[1],"code":true,"key":1e309}',
      '{"name":"DEVELOPER","paymentMethod":"pm_","address":{"street":"","city":null,"country":"ZZ"}}',
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{}}}',
      '{"bundleAutoRenewal":null,"lowQuotaNotification":0,"refreshToken":"","address":[]}',
    ];
    for (const [method, path] of routes) {
      for (const body of bodies) {
        const result = await rawRequest(`${sb.sandbox.apiBaseUrl}${path}`, method, body, {
          Authorization: `Bearer ${token}`,
        });
        expect(result.status, `${method} ${path} ${body}`).toBeLessThan(500);
        // Flags ignores unknown members (left-out flags are false), so it may well say 204.
        if (result.status >= 400) expect(isPublishedErrorBody(result.json), result.text).toBe(true);
        else expect(`${method} ${path}`).toBe('PUT /user/flags');
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await sb.api('GET', '/user', { token })).status).toBe(200);
  });
});

describe('routes', () => {
  it.each([['/v1/nothing'], ['/v1/user/nothing/deeper'], ['/'], ['/v2/user'], ['/favicon.ico']])(
    'answers 404 NOT_FOUND JSON for %s',
    async (path) => {
      const result = await rawRequest(`${sb.sandbox.origin}${path}`, 'GET', undefined);
      expect(result.status).toBe(404);
      expect(result.json.error).toBe('NOT_FOUND');
      expect(result.headers['content-type']).toMatch(/application\/json/);
    },
  );

  it('answers 405 METHOD_NOT_ALLOWED with Allow for a known path and a wrong method', async () => {
    const result = await sb.api('PATCH', '/user');
    expect(result.status).toBe(405);
    expect(result.json.error).toBe('METHOD_NOT_ALLOWED');
    expect(result.headers.allow).toBe('GET');
  });

  it('refuses requests addressed to a non-loopback host name (DNS rebinding)', async () => {
    const result = await rawRequest(`${sb.sandbox.apiBaseUrl}/user`, 'GET', undefined, {
      Host: 'evil.example:80',
    });
    expect(result.status).toBe(403);
    expect(result.json.error).toBe('FORBIDDEN_HOST');
    const local = await rawRequest(`${sb.sandbox.apiBaseUrl}/user`, 'GET', undefined, {
      Host: `localhost:${sb.sandbox.port}`,
    });
    expect(local.status).toBe(401);
  });

  it('hangs up on bytes that are not HTTP and keeps serving', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(sb.sandbox.port, '127.0.0.1', () =>
        socket.write('\x00\x01 garbage\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await sb.api('POST', '/auth/apiKey', { body: { key: demo.apiKey } })).status).toBe(200);
  });
});

describe('startSandbox', () => {
  it('reports where it listens, on loopback', () => {
    expect(sb.sandbox.origin).toBe(`http://127.0.0.1:${sb.sandbox.port}`);
    expect(sb.sandbox.apiBaseUrl).toBe(`${sb.sandbox.origin}/v1`);
    expect(sb.sandbox.port).toBeGreaterThan(0);
  });

  it('refuses to listen on a non-loopback address', async () => {
    const { startSandbox } = await import('../../sandbox/server');
    await expect(startSandbox({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('runs independent sandboxes side by side, and close() frees the port', async () => {
    const { startSandbox } = await import('../../sandbox/server');
    const lines: string[] = [];
    const other = await startSandbox({ port: 0, log: (line) => lines.push(line) });
    expect(other.port).not.toBe(sb.sandbox.port);
    const token = await sb.signIn();
    await sb.api('PUT', '/user/bundle/starter', { token });
    const login = await fetch(`${other.apiBaseUrl}/auth/apiKey`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key: demo.apiKey }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const user = await fetch(`${other.apiBaseUrl}/user`, {
      headers: { Authorization: accessToken },
    });
    expect(((await user.json()) as { bundle: { name: string } }).bundle.name).toBe('DEVELOPER');
    expect(lines).toEqual([
      expect.stringMatching(/^POST \/v1\/auth\/apiKey 200 \d+ms$/),
      expect.stringMatching(/^GET \/v1\/user 200/),
    ]);
    await other.close();
    await expect(fetch(`${other.origin}/v1/user`)).rejects.toThrow();
  });
});
