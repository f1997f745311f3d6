// Bundles, refills, the card and invoices against the real sandbox: success paths, declines,
// and the card-change refusals (auto-pay on; more than once in 24 hours) with retryAt.

import { describe, expect, it } from 'vitest';
import { appErrorOf } from './helpers/app-error-of';
import { freshSandboxPerTest, sandboxAccounts } from './helpers/sandbox-fixture';

const { demo } = sandboxAccounts;
const address = {
  street: 'My House 8295',
  city: 'Parana',
  district: 'Entre Rios',
  postCode: '3100',
  country: 'AR',
};
const sandbox = freshSandboxPerTest();

describe('bundles and refills', () => {
  it('sets a bundle with a payment method and records an invoice', async () => {
    const { client } = await sandbox.signedIn('demo');
    const before = await client.listInvoices();
    await client.setBundle({
      name: 'STARTER',
      paymentMethod: 'pm_card_visa',
      address: { company: 'GreenCloud', ...address },
    });
    expect((await client.getAccount()).bundle?.name).toBe('STARTER');
    expect((await client.listInvoices()).length).toBe(before.length + 1);
  });

  it('changes the bundle with the lower-case name in the path', async () => {
    const { client } = await sandbox.signedIn('demo');
    await client.changeBundle('ENTERPRISE');
    expect((await client.getAccount()).bundle?.name).toBe('ENTERPRISE');
    expect(await sandbox.count('PUT', '/v1/user/bundle/enterprise')).toBe(1);
  });

  it('buys a refill (201) that adds one bundle size to the quota', async () => {
    const { client } = await sandbox.signedIn('demo');
    await sandbox.patchAccount({ email: demo.email, quota: 500 });
    await client.buyRefill();
    expect((await client.getAccount()).bundle?.quota).toBe(100_500);
    expect((await sandbox.requests()).filter((r) => r.path === '/v1/user/buy')).toEqual([
      expect.objectContaining({ method: 'POST', status: 201 }),
    ]);
  });

  it('reports a declined card as payment-declined and changes nothing', async () => {
    const { client } = await sandbox.signedIn('demo');
    const error = await appErrorOf(
      client.setBundle({ name: 'ENTERPRISE', paymentMethod: 'pm_card_chargeDeclined', address }),
    );
    expect(error.kind).toBe('payment-declined');
    expect(error.code).toBe('PAYMENT_DECLINED');
    expect(error.message).toMatch(/declined/);
    expect((await client.getAccount()).bundle?.name).toBe('DEVELOPER');
  });

  it('reports a refill on a declined card on file as payment-declined, sent once', async () => {
    const { client } = await sandbox.signedIn('demo');
    await sandbox.patchAccount({ email: demo.email, cardDeclined: true });
    const error = await appErrorOf(client.buyRefill());
    expect(error.kind).toBe('payment-declined');
    expect((await client.getAccount()).bundle?.quota).toBe(100_000);
    expect(await sandbox.count('POST', '/v1/user/buy')).toBe(1);
  });
});

// The sandbox logs paths without a trailing slash; client-errors.test.ts checks that the client
// sends the documented `/user/card/`.
describe('card changes', () => {
  it('refuses a card change while auto-renewal is on, saying to turn it off', async () => {
    const { client } = await sandbox.signedIn('demo');
    const error = await appErrorOf(client.changeCard('pm_card_mastercard'));
    expect(error.kind).toBe('not-allowed');
    expect(error.code).toBe('CARD_CHANGE_NOT_ALLOWED');
    expect(error.message).toMatch(/auto-renewal off/);
  });

  it('allows it with auto-renewal on when the card was declined', async () => {
    const { client } = await sandbox.signedIn('demo');
    await sandbox.patchAccount({ email: demo.email, cardDeclined: true });
    await client.changeCard('pm_card_mastercard');
    expect(await sandbox.count('PUT', '/v1/user/card')).toBe(1);
  });

  it('allows one change per 24 hours and says when the next one is possible', async () => {
    const now = Date.UTC(2030, 0, 1);
    const { client } = await sandbox.signedIn('demo', { now: () => now });
    await client.setFlags({ bundleAutoRenewal: false, lowQuotaNotification: true });
    await client.changeCard('pm_card_mastercard');

    const error = await appErrorOf(client.changeCard('pm_card_visa'));
    expect(error.kind).toBe('too-soon');
    expect(error.code).toBe('CARD_CHANGE_TOO_SOON');
    // Retry-After counts from the first change, which was a moment ago: close to 24 hours.
    expect(error.retryAt).toBeGreaterThan(now + 23.9 * 3600_000);
    expect(error.retryAt).toBeLessThanOrEqual(now + 24 * 3600_000);
    expect(error.message).toContain('in about 24 hours');

    await sandbox.advanceClock(24 * 3600 + 1);
    // The access token has expired by now too; the client renews it on its own.
    await client.changeCard('pm_card_visa');
    expect(
      (await sandbox.requests()).filter((r) => r.path === '/v1/user/card').map((r) => r.status),
    ).toEqual([204, 429, 401, 204]);
  });
});

describe('invoices', () => {
  it('lists the invoices and reads one in detail', async () => {
    const { client } = await sandbox.signedIn('demo');
    const invoices = await client.listInvoices();
    expect(invoices.length).toBe(2);
    const first = invoices[0]!;
    expect(typeof first.id).toBe('string');
    expect(first.amount).toBeGreaterThan(0);

    const detail = await client.getInvoice(first.id);
    expect(detail.amount).toBe(first.amount);
    expect(detail.status).toBe(first.status);
    expect(detail.payment?.card?.last4).toMatch(/^\d{4}$/);
  });
});
