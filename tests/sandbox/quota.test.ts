// Simulated invocations (POST /_sandbox/consume) and the quota rules: one low-quota email per
// crossing of 10%, auto-renewal below 1%, NO_QUOTA_AVAILABLE at 0, and big counts done in bulk.

import { describe, expect, it } from 'vitest';
import { demo, twofa, useSandbox } from '../helpers/sandbox-fixture';

const sb = useSandbox();

const consume = (email: string, count: number) => sb.control('POST', '/consume', { email, count });
const setFlags = async (bundleAutoRenewal: boolean, lowQuotaNotification: boolean) => {
  const token = await sb.signIn();
  await sb.api('PUT', '/user/flags', { token, body: { bundleAutoRenewal, lowQuotaNotification } });
  return token;
};
const kinds = async (email: string) => (await sb.outbox(email)).map((entry) => entry.kind);
const invoiceCount = async (token: string) =>
  (await sb.api('GET', '/invoice/list', { token })).json.length as number;

describe('POST /_sandbox/consume', () => {
  it('takes invocations off the quota and reports it', async () => {
    const result = await consume(demo.email, 1234);
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ quota: 98_766, succeeded: 1234, failed: 0 });
    const token = await sb.signIn();
    expect((await sb.api('GET', '/user', { token })).json.bundle.quota).toBe(98_766);
  });

  it('sends one low-quota email when the quota drops below 10%, not one per call', async () => {
    await setFlags(false, true);
    await consume(demo.email, 90_000);
    expect(await kinds(demo.email)).toEqual([]);
    await consume(demo.email, 1);
    expect(await kinds(demo.email)).toEqual(['low-quota']);
    await consume(demo.email, 100);
    await consume(demo.email, 100);
    expect(await kinds(demo.email)).toEqual(['low-quota']);
    const [entry] = await sb.outbox(demo.email);
    expect(entry).toMatchObject({ to: demo.email, kind: 'low-quota' });
    expect(Number.isNaN(Date.parse(entry!.sentAt))).toBe(false);
  });

  it('re-arms the notice once the quota is back above 10%', async () => {
    const token = await setFlags(false, true);
    await consume(demo.email, 95_000);
    await sb.api('POST', '/user/buy', { token });
    // 105,000 left: back above 10%. Exactly 10% left is not "below 10%".
    await consume(demo.email, 95_000);
    expect(await kinds(demo.email)).toEqual(['low-quota']);
    await consume(demo.email, 1);
    expect(await kinds(demo.email)).toEqual(['low-quota', 'low-quota']);
  });

  it('sends no low-quota email when the notification flag is off', async () => {
    await setFlags(false, false);
    await consume(demo.email, 95_000);
    expect(await kinds(demo.email)).toEqual([]);
  });

  it('renews below 1% with auto-renewal on: quota + bundle size, an invoice and a note', async () => {
    const token = await sb.signIn();
    const before = await invoiceCount(token);
    const result = await consume(demo.email, 99_001);
    expect(result.json).toEqual({ quota: 999 + 100_000, succeeded: 99_001, failed: 0 });
    expect(await invoiceCount(token)).toBe(before + 1);
    expect(await kinds(demo.email)).toEqual(['renewed', 'low-quota']);
  });

  it('does not renew at exactly 1% left', async () => {
    const result = await consume(demo.email, 99_000);
    expect(result.json.quota).toBe(1000);
    expect(await kinds(demo.email)).toEqual(['low-quota']);
  });

  it('fails the rest at 0 with 402 NO_QUOTA_AVAILABLE and the counts', async () => {
    await setFlags(false, false);
    const result = await consume(demo.email, 100_050);
    expect(result.status).toBe(402);
    expect(result.json).toMatchObject({
      error: 'NO_QUOTA_AVAILABLE',
      quota: 0,
      succeeded: 100_000,
      failed: 50,
    });
    expect(result.json.message).toEqual(expect.any(String));
    const again = await consume(demo.email, 1);
    expect(again.json).toMatchObject({ error: 'NO_QUOTA_AVAILABLE', succeeded: 0, failed: 1 });
  });

  it('does not renew when the card on file is declined, and says so once', async () => {
    await sb.control('PATCH', '/account', { email: demo.email, cardDeclined: true });
    const result = await consume(demo.email, 100_000);
    expect(result.json).toEqual({ quota: 0, succeeded: 100_000, failed: 0 });
    expect(await kinds(demo.email)).toEqual(['renewal-failed', 'low-quota']);
    expect((await consume(demo.email, 1)).status).toBe(402);
    expect(await kinds(demo.email)).toHaveLength(2);
  });

  it('renews many times in one big call without looping per invocation', async () => {
    const started = Date.now();
    const result = await consume(twofa.email, 5_000_000);
    expect(result.status).toBe(402);
    expect(result.json.succeeded).toBe(1000);
    // Now with auto-renewal on the same STARTER account: 10 renewals per 10,000 invocations.
    await sb.control('POST', '/reset');
    const token = await sb.signIn('twofa');
    await sb.api('PUT', '/user/flags', {
      token,
      body: { bundleAutoRenewal: true, lowQuotaNotification: false },
    });
    const renewing = await consume(twofa.email, 10_000);
    expect(renewing.json).toEqual({ quota: 1000, succeeded: 10_000, failed: 0 });
    expect((await sb.api('GET', '/invoice/list', { token })).json).toHaveLength(1 + 10);
    const big = await consume(demo.email, 10_000_000);
    expect(big.json.succeeded).toBe(10_000_000);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('renews on the next call when auto-renewal is turned on below 1%', async () => {
    await sb.control('PATCH', '/account', { email: demo.email, quota: 10 });
    const token = await setFlags(false, true);
    expect((await consume(demo.email, 5)).json.quota).toBe(5);
    await sb.api('PUT', '/user/flags', {
      token,
      body: { bundleAutoRenewal: true, lowQuotaNotification: true },
    });
    expect((await consume(demo.email, 5)).json.quota).toBe(100_000);
  });

  it.each([
    [{ email: demo.email }, 'count'],
    [{ email: demo.email, count: 0 }, 'count'],
    [{ email: demo.email, count: 1.5 }, 'count'],
    [{ email: demo.email, count: '5' }, 'count'],
    [{ email: demo.email, count: 10_000_001 }, 'count'],
    [{ count: 5 }, 'email'],
  ])('refuses %j with 400 on %s', async (body, field) => {
    const result = await sb.control('POST', '/consume', body);
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: 'VALIDATION_FAILED', field });
    expect(result.json.message).toMatch(/\.$/);
  });

  it('answers 404 for an unknown account', async () => {
    const result = await consume('nobody@greencloud.test', 1);
    expect(result.status).toBe(404);
    expect(result.json.error).toBe('NOT_FOUND');
  });
});

describe('PATCH /_sandbox/account', () => {
  it('sets the quota directly without any email, and a later crossing still notifies', async () => {
    const set = await sb.control('PATCH', '/account', { email: demo.email, quota: 10_001 });
    expect(set.status).toBe(200);
    expect(set.json).toEqual({ email: demo.email, quota: 10_001, cardDeclined: false });
    expect(await kinds(demo.email)).toEqual([]);
    await consume(demo.email, 2);
    expect(await kinds(demo.email)).toEqual(['low-quota']);
  });

  it('treats a quota set below 10% as already notified: no email until it crosses again', async () => {
    await sb.control('PATCH', '/account', { email: demo.email, quota: 5000 });
    await consume(demo.email, 100);
    expect(await kinds(demo.email)).toEqual([]);
    await sb.control('PATCH', '/account', { email: demo.email, quota: 20_000 });
    await consume(demo.email, 10_001);
    expect(await kinds(demo.email)).toEqual(['low-quota']);
  });

  it('does not renew by itself when the quota is set below 1%', async () => {
    const token = await sb.signIn();
    await sb.control('PATCH', '/account', { email: demo.email, quota: 0 });
    expect((await sb.api('GET', '/user', { token })).json.bundle.quota).toBe(0);
    expect(await invoiceCount(token)).toBe(2);
  });

  it.each([
    [{ email: demo.email, quota: -1 }, 'quota'],
    [{ email: demo.email, quota: 'lots' }, 'quota'],
    [{ email: demo.email, cardDeclined: 'yes' }, 'cardDeclined'],
    [{ quota: 5 }, 'email'],
  ])('refuses %j with 400 on %s', async (body, field) => {
    const result = await sb.control('PATCH', '/account', body);
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: 'VALIDATION_FAILED', field });
  });
});
