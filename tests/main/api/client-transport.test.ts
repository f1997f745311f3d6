// Failures below HTTP: timeouts, a server that is not there, cut connections and broken JSON,
// and the read retries that recover from one of them (writes get none).

import { describe, expect, it } from 'vitest';
import { GreenCloudClient } from '../../../src-main/api/greencloud-client';
import { appErrorOf } from './helpers/app-error-of';
import { freshSandboxPerTest, userAgent } from './helpers/sandbox-fixture';
import { closedPort, startStandInServer } from './helpers/scripted-server';

const sandbox = freshSandboxPerTest();

describe('timeouts', () => {
  it('gives up after timeoutMs with kind timeout naming the host', async () => {
    const { client, auth } = await sandbox.signedIn('demo', { timeoutMs: 150, readRetries: 0 });
    await sandbox.fault({ mode: 'latency', ms: 1500, count: 1, path: '/v1/user' });
    const started = Date.now();
    const error = await appErrorOf(client.getAccount());
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain(new URL(sandbox.apiBaseUrl).host);
    expect(error.message).not.toContain(auth.access!);
  });

  it('retries a read that timed out, and the retry succeeds', async () => {
    const { client } = await sandbox.signedIn('demo', { timeoutMs: 300 });
    await sandbox.fault({ mode: 'latency', ms: 1000, count: 1, path: '/v1/user' });
    const account = await client.getAccount();
    expect(account.email).toBe('demo@greencloud.test');
  });
});

describe('offline', () => {
  it('reports a closed port as offline, names the host, and retries reads with growing waits', async () => {
    const port = await closedPort();
    const waits: number[] = [];
    const client = new GreenCloudClient({
      baseUrl: `http://127.0.0.1:${port}/v1`,
      userAgent,
      sleep: async (ms) => {
        waits.push(ms);
      },
      auth: {
        accessToken: async () => 'secret-token-1',
        renewAccessToken: async () => 'secret-token-2',
      },
    });
    const error = await appErrorOf(client.getAccount());
    expect(error.kind).toBe('offline');
    expect(error.message).toBe(
      `Could not reach 127.0.0.1:${port}. Check your internet connection and try again.`,
    );
    expect(JSON.stringify(error.toData())).not.toContain('secret-token');
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });

  it('does not retry a payment when the server cannot be reached', async () => {
    const port = await closedPort();
    let waited = 0;
    const client = new GreenCloudClient({
      baseUrl: `http://127.0.0.1:${port}/v1`,
      userAgent,
      sleep: async () => {
        waited += 1;
      },
      auth: { accessToken: async () => 't', renewAccessToken: async () => 't' },
    });
    expect((await appErrorOf(client.buyRefill())).kind).toBe('offline');
    expect(waited).toBe(0);
  });

  it('reports a name that does not resolve as offline, on a sign-in and on a read', async () => {
    const client = new GreenCloudClient({
      baseUrl: 'http://greencloud.invalid/v1',
      userAgent,
      timeoutMs: 3000,
      readRetries: 0,
      auth: { accessToken: async () => 't', renewAccessToken: async () => 't' },
    });
    // A sign-in travels on a connection of its own, a read on the kept-alive pool.
    for (const call of [
      () => client.login({ email: 'demo@greencloud.test', password: 'Demo123!' }),
      () => client.getAccount(),
    ]) {
      const error = await appErrorOf(call());
      expect(['offline', 'timeout']).toContain(error.kind);
      expect(error.message).toContain('greencloud.invalid');
    }
  });
});

describe('broken replies', () => {
  it('turns malformed JSON into unexpected-response, without retrying it', async () => {
    const { client } = await sandbox.signedIn('demo');
    await sandbox.fault({ mode: 'malformed', count: 1, path: '/v1/user' });
    const error = await appErrorOf(client.getAccount());
    expect(error.kind).toBe('unexpected-response');
    expect(error.message).toMatch(/could not read/);
    expect(await sandbox.count('GET', '/v1/user')).toBe(1);
  });

  it('recovers a read from one 503 and from one cut connection', async () => {
    const { client } = await sandbox.signedIn('demo');
    await sandbox.fault({ mode: 'status', status: 503, count: 1, path: '/v1/invoice/list' });
    expect((await client.listInvoices()).length).toBe(2);
    await sandbox.fault({ mode: 'reset', count: 1, path: '/v1/user' });
    expect((await client.getAccount()).email).toBe('demo@greencloud.test');
    const log = await sandbox.requests();
    expect(log.filter((r) => r.path === '/v1/invoice/list').map((r) => r.status)).toEqual([
      503, 200,
    ]);
    expect(log.filter((r) => r.path === '/v1/user').map((r) => r.status)).toEqual([0, 200]);
  });

  it('gives up on reads after readRetries and reports the server error', async () => {
    const { client } = await sandbox.signedIn('demo', { readRetries: 2 });
    await sandbox.fault({ mode: 'status', status: 500, count: 5, path: '/v1/user' });
    expect((await appErrorOf(client.getAccount())).kind).toBe('server');
    expect(await sandbox.count('GET', '/v1/user')).toBe(3);
  });

  it("stops reading a reply far larger than GreenCloud's, on a read and on a payment alike", async () => {
    // A read arrives on a kept-alive connection, a payment on one of its own: both stop reading.
    const huge = JSON.stringify({
      id: 'u1',
      email: 'a@b.test',
      padding: 'x'.repeat(3 * 1024 * 1024),
    });
    const server = await startStandInServer(() => ({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: huge,
    }));
    try {
      const client = new GreenCloudClient({
        baseUrl: server.baseUrl,
        userAgent,
        readRetries: 0,
        auth: { accessToken: async () => 'tok', renewAccessToken: async () => 'tok' },
      });
      for (const call of [() => client.getAccount(), () => client.buyRefill()]) {
        const error = await appErrorOf(call());
        expect(error.kind).toBe('unexpected-response');
        expect(error.message).toContain('far larger');
        expect(error.message).toContain(new URL(server.baseUrl).host);
      }
    } finally {
      await server.close();
    }
  });
});
