// Calls that move money or change the card or plan: never retried, and a double submission while
// one is in flight sends one request. Flags changes queue so the last choice arrives last.

import { describe, expect, it } from 'vitest';
import { appErrorOf } from './helpers/app-error-of';
import { freshSandboxPerTest, sandboxAccounts } from './helpers/sandbox-fixture';

const { demo } = sandboxAccounts;
const address = { street: 'My House 8295', city: 'Parana', postCode: '3100', country: 'AR' };
const sandbox = freshSandboxPerTest();

describe('money calls', () => {
  it('sends one POST /user/buy for a double click, and both callers see it succeed', async () => {
    const { client } = await sandbox.signedIn('demo');
    await sandbox.fault({ mode: 'latency', ms: 200, count: 1, path: '/v1/user/buy' });
    const results = await Promise.all([client.buyRefill(), client.buyRefill()]);
    expect(results).toEqual([undefined, undefined]);
    expect(await sandbox.count('POST', '/v1/user/buy')).toBe(1);
    expect((await client.getAccount()).bundle?.quota).toBe(200_000);
  });

  it('does not retry a refill that failed with a 5xx', async () => {
    const { client } = await sandbox.signedIn('demo');
    await sandbox.fault({ mode: 'status', status: 503, count: 3, path: '/v1/user/buy' });
    expect((await appErrorOf(client.buyRefill())).kind).toBe('server');
    expect(await sandbox.count('POST', '/v1/user/buy')).toBe(1);
  });

  it('does not retry a plan change that timed out', async () => {
    const { client } = await sandbox.signedIn('demo', { timeoutMs: 150 });
    await sandbox.fault({ mode: 'latency', ms: 600, count: 3, path: '/v1/user/bundle/starter' });
    expect((await appErrorOf(client.changeBundle('STARTER'))).kind).toBe('timeout');
    await new Promise((resolve) => setTimeout(resolve, 700)); // let the delayed request land in the log
    expect(await sandbox.count('PUT', '/v1/user/bundle/starter')).toBe(1);
  });

  it('refuses a different plan change while one is in flight with busy', async () => {
    const { client } = await sandbox.signedIn('demo');
    await sandbox.fault({ mode: 'latency', ms: 300, count: 1, path: '/v1/user/bundle' });
    const first = client.setBundle({ name: 'STARTER', paymentMethod: 'pm_card_visa', address });
    const second = await appErrorOf(client.changeBundle('ENTERPRISE'));
    expect(second.kind).toBe('busy');
    expect(second.message).toMatch(/still being processed/);
    await first;
    expect((await client.getAccount()).bundle?.name).toBe('STARTER');
    expect(await sandbox.count('PUT', '/v1/user/bundle/enterprise')).toBe(0);
    // Once the first has finished, the next change goes through.
    await client.changeBundle('ENTERPRISE');
    expect((await client.getAccount()).bundle?.name).toBe('ENTERPRISE');
  });

  it('shares one card change between identical submissions', async () => {
    const { client } = await sandbox.signedIn('demo');
    await sandbox.patchAccount({ email: demo.email, cardDeclined: true });
    await Promise.all([
      client.changeCard('pm_card_mastercard'),
      client.changeCard('pm_card_mastercard'),
    ]);
    expect(await sandbox.count('PUT', '/v1/user/card')).toBe(1);
  });
});

describe('other writes', () => {
  it('queues a different flags change behind the one in flight, so the last choice wins', async () => {
    const { client } = await sandbox.signedIn('demo');
    await sandbox.fault({ mode: 'latency', ms: 250, count: 1, path: '/v1/user/flags' });
    await Promise.all([
      client.setFlags({ bundleAutoRenewal: false, lowQuotaNotification: true }),
      client.setFlags({ bundleAutoRenewal: true, lowQuotaNotification: false }),
    ]);
    expect(await sandbox.count('PUT', '/v1/user/flags')).toBe(2);
    expect((await client.getAccount()).flags).toEqual({
      bundleAutoRenewal: true,
      lowQuotaNotification: false,
    });
  });

  it('sends one reset email for a double click', async () => {
    const client = sandbox.client();
    await Promise.all([
      client.requestPasswordReset(demo.email),
      client.requestPasswordReset(demo.email),
    ]);
    expect(await sandbox.count('POST', '/v1/user/resetPassword')).toBe(1);
    expect((await sandbox.outbox(demo.email)).filter((m) => m.kind === 'reset-code')).toHaveLength(
      1,
    );
  });
});
