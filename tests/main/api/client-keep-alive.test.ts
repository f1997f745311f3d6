// Reads reuse one kept-alive connection; every other call opens its own and closes it. A reused
// socket the server has dropped is retried once for a read, and never for a purchase.

import { afterEach, describe, expect, it } from 'vitest';
import { GreenCloudClient } from '../../../src-main/api/greencloud-client';
import { createHttpTransport } from '../../../src-main/api/http-transport';
import { appErrorOf } from './helpers/app-error-of';
import { instantSleep, userAgent } from './helpers/sandbox-fixture';
import { json, startStandInServer, type StandInServer } from './helpers/scripted-server';

let server: StandInServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const account = json(200, { id: 'u1', email: 'a@b.test' });

function clientFor(baseUrl: string) {
  return new GreenCloudClient({
    baseUrl,
    userAgent,
    sleep: instantSleep,
    readRetries: 0,
    // Its own transport, so no other test's sockets are in the pool.
    transport: createHttpTransport(),
    auth: { accessToken: async () => 'tok', renewAccessToken: async () => 'tok' },
  });
}

describe('kept-alive connections', () => {
  it('three reads in a row travel over one connection', async () => {
    server = await startStandInServer(() => account);
    const client = clientFor(server.baseUrl);
    for (let i = 0; i < 3; i += 1) await client.getAccount();
    expect(server.received).toHaveLength(3);
    expect(server.connections()).toBe(1);
  });

  it('every write opens its own connection and asks to close it', async () => {
    server = await startStandInServer(() => ({ status: 201 }));
    const client = clientFor(server.baseUrl);
    await client.buyRefill();
    await client.setFlags({ bundleAutoRenewal: true, lowQuotaNotification: true });
    expect(server.connections()).toBe(2);
    expect(server.received.map((r) => r.headers.connection)).toEqual(['close', 'close']);
  });

  it('a read on a reused socket the server dropped is sent once more, on a new connection', async () => {
    let dropped = false;
    server = await startStandInServer(() => {
      // The second request on the first connection: drop it without a byte, once.
      if (!dropped && server!.received.length === 2) {
        dropped = true;
        return 'hang-up';
      }
      return account;
    });
    const client = clientFor(server.baseUrl);
    await client.getAccount();
    await expect(client.getAccount()).resolves.toMatchObject({ email: 'a@b.test' });
    expect(server.received).toHaveLength(3);
    expect(server.connections()).toBe(2);
  });

  it('a purchase whose connection drops is never sent again', async () => {
    server = await startStandInServer((request) =>
      request.url.endsWith('/user/buy') ? 'hang-up' : account,
    );
    const client = clientFor(server.baseUrl);
    await client.getAccount();
    const error = await appErrorOf(client.buyRefill());
    expect(error.kind).toBe('offline');
    expect(server.received.filter((r) => r.url.endsWith('/user/buy'))).toHaveLength(1);
  });

  it('a read whose fresh connection drops is not retried by the socket rule (only by read retries)', async () => {
    server = await startStandInServer(() => 'hang-up');
    const error = await appErrorOf(clientFor(server.baseUrl).getAccount());
    expect(error.kind).toBe('offline');
    expect(server.received).toHaveLength(1);
  });
});
