// Bundles, refills, the card and invoices: charges decided by Stripe's test PaymentMethod IDs,
// declines that change nothing, the 24-hour card rule with Retry-After, invoices newest first.

import { describe, expect, it } from 'vitest';
import { invoiceDetailResponse, invoiceListResponse } from '../../src-main/common/api-schemas';
import { stripeTestCards } from '../../src-main/common/stripe-test-cards';
import { demo, useSandbox } from '../helpers/sandbox-fixture';

const sb = useSandbox();

const address = {
  company: 'GreenCloud',
  street: 'My House 8295',
  city: 'Parana',
  district: 'Entre Rios',
  postCode: '3100',
  country: 'AR',
};
const setBundleBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'ENTERPRISE',
  paymentMethod: 'pm_card_mastercard',
  address,
  ...overrides,
});
const cardBody = (paymentMethod: string) => ({ paymentMethod, address: { default: true } });

async function snapshot(token: string) {
  const [user, invoices] = await Promise.all([
    sb.api('GET', '/user', { token }),
    sb.api('GET', '/invoice/list', { token }),
  ]);
  return { user: user.json, invoices: invoices.json };
}

describe('Stripe test cards that succeed', () => {
  it.each(stripeTestCards.filter((c) => c.outcome === 'succeeds').map((c) => [c.paymentMethod, c]))(
    '%s buys a bundle, invoiced with the card’s brand and last four',
    async (paymentMethod, testCard) => {
      const token = await sb.signIn();
      const result = await sb.api('POST', '/user/bundle', {
        token,
        body: setBundleBody({ name: 'STARTER', paymentMethod }),
      });
      expect(result.status).toBe(204);
      const [latest] = (await sb.api('GET', '/invoice/list', { token })).json;
      const detail = await sb.api('GET', `/invoice/${latest.id}`, { token });
      const sameId = stripeTestCards.find((c) => c.paymentMethod === paymentMethod)!;
      expect(detail.json.payment.card).toEqual({
        brand: testCard.brand,
        last4: sameId.number.slice(-4),
      });
    },
  );
});

describe('POST /user/bundle (Set Bundle)', () => {
  it('charges the card, records an invoice and sets bundle, card and address (204)', async () => {
    const token = await sb.signIn();
    const newAddress = {
      street: 'Baker Street 221',
      city: 'London',
      postCode: 'NW1 6XE',
      country: 'GB',
    };
    const result = await sb.api('POST', '/user/bundle', {
      token,
      body: setBundleBody({ address: newAddress }),
    });
    expect(result.status).toBe(204);
    const { user, invoices } = await snapshot(token);
    expect(user.bundle).toMatchObject({ name: 'ENTERPRISE', quota: 1_000_000 });
    expect(user.address).toEqual(newAddress);
    expect(invoices).toHaveLength(3);
    const detail = await sb.api('GET', `/invoice/${invoices[0].id}`, { token });
    expect(detail.json.payment.card).toEqual({ brand: 'mastercard', last4: '4444' });
    expect(detail.json.amount).toBe(user.bundle.price);
  });

  it('accepts any other pm_ ID as a generic card', async () => {
    const token = await sb.signIn();
    const result = await sb.api('POST', '/user/bundle', {
      token,
      body: setBundleBody({ name: 'STARTER', paymentMethod: 'pm_1MrQQuEt48Mjl075t4BHF9pw' }),
    });
    expect(result.status).toBe(204);
    const [latest] = (await sb.api('GET', '/invoice/list', { token })).json;
    const detail = await sb.api('GET', `/invoice/${latest.id}`, { token });
    expect(detail.json.payment.card.brand).toBe('card');
  });

  it.each([
    'pm_card_visa_chargeDeclined',
    'pm_card_visa_chargeDeclinedInsufficientFunds',
    // Every test card Stripe documents as declined (src-main/common/stripe-test-cards.ts).
    ...stripeTestCards.filter((c) => c.outcome === 'declined').map((c) => c.paymentMethod),
  ])('answers 402 PAYMENT_DECLINED for %s and changes nothing', async (paymentMethod) => {
    const token = await sb.signIn();
    const before = await snapshot(token);
    const result = await sb.api('POST', '/user/bundle', {
      token,
      body: setBundleBody({ paymentMethod, address: { ...address, city: 'Cordoba' } }),
    });
    expect(result.status).toBe(402);
    expect(result.json.error).toBe('PAYMENT_DECLINED');
    expect(await snapshot(token)).toEqual(before);
  });

  it.each([
    [{ name: 'developer' }, 'name'],
    [{ name: 'GOLD' }, 'name'],
    [{ paymentMethod: 'tok_visa' }, 'paymentMethod'],
    [{ paymentMethod: undefined }, 'paymentMethod'],
    [{ address: { ...address, street: '123 Hill St.' } }, 'address.street'],
    [{ address: { ...address, city: 'Paraná' } }, 'address.city'],
    [{ address: { ...address, city: 'Parana 2' } }, 'address.city'],
    [{ address: { ...address, district: 'North-district' } }, 'address.district'],
    [{ address: { ...address, company: 'Green & Co' } }, 'address.company'],
    [{ address: { ...address, postCode: 'YO31-8SB' } }, 'address.postCode'],
    [{ address: { ...address, country: 'United Kingdom' } }, 'address.country'],
    [{ address: { ...address, country: 'UK' } }, 'address.country'],
    [{ address: { ...address, country: 'XK' } }, 'address.country'],
    [{ address: { ...address, country: 'ar' } }, 'address.country'],
    [{ address: { ...address, street: undefined } }, 'address.street'],
    [{ address: { ...address, country: 54 } }, 'address.country'],
    [{ address: undefined }, 'address'],
  ])('refuses %j with 400 on %s and charges nothing', async (overrides, field) => {
    const token = await sb.signIn();
    const result = await sb.api('POST', '/user/bundle', { token, body: setBundleBody(overrides) });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: 'VALIDATION_FAILED', field });
    expect(result.json.message).toMatch(/^[A-Za-z].*\.$/);
    expect((await sb.api('GET', '/invoice/list', { token })).json).toHaveLength(2);
  });

  it('accepts an address without the optional company and district', async () => {
    const token = await sb.signIn();
    const { company: _c, district: _d, ...required } = address;
    expect(
      (await sb.api('POST', '/user/bundle', { token, body: setBundleBody({ address: required }) }))
        .status,
    ).toBe(204);
  });
});

describe('PUT /user/bundle/{bundleName} (Change Bundle)', () => {
  it('switches the plan, keeping the invocations left (204)', async () => {
    const token = await sb.signIn();
    const result = await sb.api('PUT', '/user/bundle/enterprise', { token });
    expect(result.status).toBe(204);
    expect((await sb.api('GET', '/user', { token })).json.bundle).toEqual({
      name: 'ENTERPRISE',
      quota: 100000,
      price: expect.any(Number),
    });
    expect((await sb.api('PUT', '/user/bundle/starter', { token })).status).toBe(204);
    expect((await sb.api('GET', '/user', { token })).json.bundle.name).toBe('STARTER');
  });

  it.each(['DEVELOPER', 'Starter', 'enterpise', 'gold'])(
    'refuses the path word %s with 400',
    async (word) => {
      const token = await sb.signIn();
      const result = await sb.api('PUT', `/user/bundle/${word}`, { token });
      expect(result.status).toBe(400);
      expect(result.json).toMatchObject({ error: 'VALIDATION_FAILED', field: 'bundleName' });
      expect((await sb.api('GET', '/user', { token })).json.bundle.name).toBe('DEVELOPER');
    },
  );

  it('needs a signed-in user', async () => {
    expect((await sb.api('PUT', '/user/bundle/starter')).json.error).toBe('NEEDS_LOGIN');
  });
});

describe('POST /user/buy', () => {
  it('adds one bundle size to the quota (201, empty) and records an invoice', async () => {
    const token = await sb.signIn();
    await sb.control('POST', '/consume', { email: demo.email, count: 500 });
    const result = await sb.api('POST', '/user/buy', { token });
    expect(result.status).toBe(201);
    expect(result.text).toBe('');
    const { user, invoices } = await snapshot(token);
    expect(user.bundle.quota).toBe(199_500);
    expect(invoices).toHaveLength(3);
    expect(invoices[0].amount).toBe(9.99);
  });

  it('refuses with 402 while the card on file is declined, adding nothing', async () => {
    const token = await sb.signIn();
    await sb.control('PATCH', '/account', { email: demo.email, cardDeclined: true });
    const before = await snapshot(token);
    const result = await sb.api('POST', '/user/buy', { token });
    expect(result.status).toBe(402);
    expect(result.json.error).toBe('PAYMENT_DECLINED');
    expect(await snapshot(token)).toEqual(before);
  });
});

describe('PUT /user/card/ (Change Card)', () => {
  const turnOffAutoPay = (token: string) =>
    sb.api('PUT', '/user/flags', {
      token,
      body: { bundleAutoRenewal: false, lowQuotaNotification: true },
    });

  it('refuses while auto-pay is on and the card is fine (403 CARD_CHANGE_NOT_ALLOWED)', async () => {
    const token = await sb.signIn();
    const result = await sb.api('PUT', '/user/card/', {
      token,
      body: cardBody('pm_card_mastercard'),
    });
    expect(result.status).toBe(403);
    expect(result.json.error).toBe('CARD_CHANGE_NOT_ALLOWED');
  });

  it('allows it on auto-pay when the card was declined, and the change clears the decline', async () => {
    const token = await sb.signIn();
    await sb.control('PATCH', '/account', { email: demo.email, cardDeclined: true });
    expect(
      (await sb.api('PUT', '/user/card/', { token, body: cardBody('pm_card_mastercard') })).status,
    ).toBe(204);
    // No longer declined: a refill goes through on the new card.
    expect((await sb.api('POST', '/user/buy', { token })).status).toBe(201);
    const [latest] = (await sb.api('GET', '/invoice/list', { token })).json;
    expect((await sb.api('GET', `/invoice/${latest.id}`, { token })).json.payment.card).toEqual({
      brand: 'mastercard',
      last4: '4444',
    });
  });

  it('allows one change per 24 hours, answering 429 with Retry-After in seconds', async () => {
    let token = await sb.signIn();
    await turnOffAutoPay(token);
    expect(
      (await sb.api('PUT', '/user/card', { token, body: cardBody('pm_card_mastercard') })).status,
    ).toBe(204);
    await sb.advanceClock(3000);
    const tooSoon = await sb.api('PUT', '/user/card/', { token, body: cardBody('pm_card_visa') });
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.json.error).toBe('CARD_CHANGE_TOO_SOON');
    const retryAfter = Number(tooSoon.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(86_400 - 3000 - 5);
    expect(retryAfter).toBeLessThanOrEqual(86_400 - 3000);
    // The access token has long expired by then: sign in again on the moved clock.
    await sb.advanceClock(retryAfter - 2);
    token = await sb.signIn();
    expect(
      (await sb.api('PUT', '/user/card/', { token, body: cardBody('pm_card_visa') })).status,
    ).toBe(429);
    await sb.advanceClock(2);
    expect(
      (await sb.api('PUT', '/user/card/', { token, body: cardBody('pm_card_visa') })).status,
    ).toBe(204);
  });

  it('answers 402 for a declined new card, keeps the old card and does not use up the 24 hours', async () => {
    const token = await sb.signIn();
    await turnOffAutoPay(token);
    const declined = await sb.api('PUT', '/user/card/', {
      token,
      body: cardBody('pm_card_visa_chargeDeclined'),
    });
    expect(declined.status).toBe(402);
    expect(declined.json.error).toBe('PAYMENT_DECLINED');
    await sb.api('POST', '/user/buy', { token });
    const [latest] = (await sb.api('GET', '/invoice/list', { token })).json;
    expect((await sb.api('GET', `/invoice/${latest.id}`, { token })).json.payment.card.brand).toBe(
      'visa',
    );
    expect(
      (await sb.api('PUT', '/user/card/', { token, body: cardBody('pm_card_mastercard') })).status,
    ).toBe(204);
  });

  it.each([
    [{ paymentMethod: 'pm_card_visa' }, 'address'],
    [{ paymentMethod: 'pm_card_visa', address: { default: false } }, 'address.default'],
    [{ paymentMethod: 'pm_card_visa', address: {} }, 'address.default'],
    [{ paymentMethod: 'card_123', address: { default: true } }, 'paymentMethod'],
    [{ address: { default: true } }, 'paymentMethod'],
  ])('refuses %j with 400 on %s', async (body, field) => {
    const token = await sb.signIn();
    await turnOffAutoPay(token);
    const result = await sb.api('PUT', '/user/card/', { token, body });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: 'VALIDATION_FAILED', field });
  });
});

describe('invoices', () => {
  it('lists the two seeded invoices newest first, with string ids and Unix-second paidDay', async () => {
    const token = await sb.signIn();
    const result = await sb.api('GET', '/invoice/list', { token });
    expect(result.status).toBe(200);
    expect(invoiceListResponse.parse(result.json)).toHaveLength(2);
    const [newer, older] = result.json;
    expect(typeof newer.id).toBe('string');
    expect(Object.keys(newer).sort()).toEqual(['amount', 'id', 'paidDay', 'status']);
    expect(newer.paidDay).toBeGreaterThan(older.paidDay);
    expect(newer.paidDay).toBeLessThan(Date.now() / 1000);
    expect(newer.paidDay).toBeGreaterThan(Date.now() / 1000 - 90 * 86_400);
  });

  it('puts a new invoice first', async () => {
    const token = await sb.signIn();
    await sb.api('POST', '/user/buy', { token });
    const list = (await sb.api('GET', '/invoice/list', { token })).json;
    expect(list[0].paidDay).toBeGreaterThanOrEqual(list[1].paidDay);
    expect(new Set(list.map((i: { id: string }) => i.id)).size).toBe(3);
  });

  it('shows an invoice with description, card and an https Stripe receipt link', async () => {
    const token = await sb.signIn();
    const [first] = (await sb.api('GET', '/invoice/list', { token })).json;
    const result = await sb.api('GET', `/invoice/${first.id}`, { token });
    expect(result.status).toBe(200);
    invoiceDetailResponse.parse(result.json);
    expect(result.json).toMatchObject({
      amount: first.amount,
      status: first.status,
      paidDay: first.paidDay,
      description: expect.stringMatching(/DEVELOPER/),
      payment: { card: { brand: 'visa', last4: '4242' } },
    });
    expect(result.json.payment.receiptUrl).toMatch(/^https:\/\/pay\.stripe\.com\/receipts\//);
  });

  it("answers 404 NOT_FOUND for an unknown id and for another account's invoice", async () => {
    const demoToken = await sb.signIn();
    const twofaToken = await sb.signIn('twofa');
    const [theirs] = (await sb.api('GET', '/invoice/list', { token: twofaToken })).json;
    expect((await sb.api('GET', `/invoice/${theirs.id}`, { token: twofaToken })).status).toBe(200);
    const other = await sb.api('GET', `/invoice/${theirs.id}`, { token: demoToken });
    expect(other.status).toBe(404);
    expect(other.json.error).toBe('NOT_FOUND');
    expect((await sb.api('GET', '/invoice/inv_999999', { token: demoToken })).status).toBe(404);
  });

  it('needs a signed-in user', async () => {
    expect((await sb.api('GET', '/invoice/list')).status).toBe(401);
    expect((await sb.api('GET', '/invoice/inv_000001')).status).toBe(401);
  });
});
