// Money charged exactly once, even when the reply is lost: the billing core against the real
// sandbox, through a stand-in that loses replies after the sandbox has charged (drop, stall past
// the timeout, a gateway's 504) and through the sandbox's own faults, which act before anything
// is charged (reset, 502). Each case counts the sandbox's charges, reads the sentence, checks the
// block while unknown and its release, and the marker file on disk.

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountService } from '../../../src-main/core/account-service';
import { AccountBilling } from '../../../src-main/billing/account-billing';
import type { AppErrorData } from '../../../src-main/common/app-error';
import type { MoneyStatus } from '../../../src-main/common/money-status';
import { startLossyProxy, type LossyProxy } from '../../helpers/lossy-proxy';
import { openSandbox, type Sandbox } from '../api/helpers/sandbox-fixture';

const clock = {
  now: () => Date.now(),
  setTimer: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimer: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
const accountKey = 'http://sandbox demo@greencloud.test';

let sandbox: Sandbox;
let proxy: LossyProxy;
let dataDir: string;
const made: AccountBilling[] = [];

beforeEach(async () => {
  sandbox = await openSandbox();
  proxy = await startLossyProxy(sandbox.apiBaseUrl);
  dataDir = await mkdtemp(join(tmpdir(), 'greencloud-money-'));
});
afterEach(async () => {
  for (const billing of made.splice(0)) await billing.stop();
  await proxy.close();
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function billingCore(options: { timeoutMs?: number; recheckMs?: number } = {}) {
  const { client } = await sandbox.signedIn('demo', {
    baseUrl: proxy.apiBaseUrl,
    timeoutMs: options.timeoutMs ?? 1_500,
    readRetries: 0,
  });
  const account = new AccountService(() => client);
  const statuses: MoneyStatus[] = [];
  const billing = new AccountBilling({
    dataDir,
    accountKey,
    clock,
    client: () => client,
    latestAccount: () => account.latest(),
    refreshAccount: () => account.refresh(),
    fetchAccount: () => account.fetch(),
    onChange: (status) => statuses.push(status),
  });
  made.push(billing);
  void billing.resume();
  // What the Billing page has before anyone buys: the account and the invoice list.
  await account.refresh();
  await billing.listInvoices();
  return { billing, statuses, account };
}

const charges = () => sandbox.count('POST', '/v1/user/buy');
const invoiceCount = async () => (await sandbox.signedIn('demo')).client.listInvoices();

/** Idle with an outcome: a fresh desk is idle too before it has read back its marker. */
async function settledStatus(billing: AccountBilling): Promise<MoneyStatus> {
  await expect
    .poll(() => {
      const status = billing.status();
      return status.state === 'idle' && status.last !== undefined;
    })
    .toBe(true);
  return billing.status();
}

async function refusal(promise: Promise<unknown>): Promise<AppErrorData> {
  try {
    await promise;
  } catch (error) {
    return (error as { toData(): AppErrorData }).toData();
  }
  throw new Error('expected a refusal');
}

const markerFiles = async () =>
  (await readdir(join(dataDir, 'billing')).catch(() => [])).filter((f) => f.startsWith('pending-'));

describe('a refill whose reply is lost after GreenCloud charged', () => {
  for (const mode of ['drop-after', 'stall-after', 'gateway-504-after'] as const) {
    it(`${mode}: says it is checking, blocks, then says bought — one charge`, async () => {
      const { billing, statuses } = await billingCore({ timeoutMs: 800 });
      const before = (await invoiceCount()).length;
      proxy.lose({ method: 'POST', path: '/v1/user/buy', mode, count: 1 });

      const reply = await billing.buyRefill();
      expect(reply.outcome).toBe('unknown');
      expect(billing.isBusy()).toBe(true);
      expect(statuses.some((s) => s.state === 'checking')).toBe(true);

      const settled = await settledStatus(billing);
      expect(settled.state === 'idle' && settled.last).toMatchObject({
        outcome: 'went-through',
        sentence: 'The refill was bought: GreenCloud charged your card once.',
      });
      expect(await charges()).toBe(1);
      expect((await invoiceCount()).length).toBe(before + 1);
      expect(billing.isBusy()).toBe(false);
      expect(await markerFiles()).toEqual([]);
    });
  }
});

describe('a refill lost before GreenCloud acted (the sandbox’s faults)', () => {
  it('reset after sending: checked, then "did not go through, nothing was charged"', async () => {
    const { billing } = await billingCore();
    const before = (await invoiceCount()).length;
    await sandbox.fault({ mode: 'reset', count: 1, path: '/v1/user/buy' });
    expect((await billing.buyRefill()).outcome).toBe('unknown');
    const settled = await settledStatus(billing);
    expect(settled.state === 'idle' && settled.last).toMatchObject({
      outcome: 'did-not-go-through',
      sentence: 'The refill did not go through, and nothing was charged. You can try again.',
    });
    expect((await invoiceCount()).length).toBe(before);

    // Released: the next click buys, exactly once.
    const again = await billing.buyRefill();
    expect(again.outcome).toBe('done');
    expect((await invoiceCount()).length).toBe(before + 1);
  });

  it('a 502 from a gateway: checked, nothing charged', async () => {
    const { billing } = await billingCore();
    proxy.lose({ method: 'POST', path: '/v1/user/buy', mode: 'gateway-502', count: 1 });
    expect((await billing.buyRefill()).outcome).toBe('unknown');
    const settled = await settledStatus(billing);
    expect(settled.state === 'idle' && settled.last?.outcome).toBe('did-not-go-through');
    expect(await charges()).toBe(0);
  });
});

describe('the block while the outcome is unknown', () => {
  it('refuses every money action with the checking sentence, across a restart, until checked', async () => {
    const first = await billingCore({ timeoutMs: 800, recheckMs: 60_000 });
    // The machine goes offline right after the reply is lost: the check cannot read anything.
    proxy.lose({
      method: 'POST',
      path: '/v1/user/buy',
      mode: 'drop-after',
      count: 1,
      thenDown: true,
    });
    expect((await first.billing.buyRefill()).outcome).toBe('unknown');
    await expect.poll(() => first.billing.status().state).toBe('waiting-online');
    const status = first.billing.status();
    expect(status.state === 'waiting-online' && status.sentence).toContain(
      'It will check as soon as you are back online',
    );
    const blocked = await refusal(first.billing.buyRefill());
    expect(blocked.kind).toBe('busy');
    expect(blocked.message).toContain(
      'cannot reach GreenCloud to check whether the refill went through',
    );
    await refusal(first.billing.changeBundle('STARTER'));

    // The marker on disk names the action, not the person, the token or a card.
    const [file] = await markerFiles();
    const marker = await readFile(join(dataDir, 'billing', file!), 'utf8');
    expect(JSON.parse(marker)).toMatchObject({ intent: { action: 'refill' } });
    expect(marker).not.toMatch(/demo@|Bearer|pm_|token/i);

    // The app quits and starts again, now online: the marker is read back and checked first.
    await first.billing.stop();
    proxy.setDown(false);
    const second = await billingCore({ recheckMs: 60_000 });
    const resumed = await settledStatus(second.billing);
    expect(resumed.state === 'idle' && resumed.last?.sentence).toBe(
      'The refill was bought: GreenCloud charged your card once.',
    );
    expect(await charges()).toBe(1);
    expect(await markerFiles()).toEqual([]);
  });

  it('offline while checking: checks again when back online, and says so', async () => {
    const { billing } = await billingCore({ timeoutMs: 800, recheckMs: 60_000 });
    proxy.lose({
      method: 'POST',
      path: '/v1/user/buy',
      mode: 'drop-after',
      count: 1,
      thenDown: true,
    });
    await billing.buyRefill();
    await expect.poll(() => billing.status().state).toBe('waiting-online');
    proxy.setDown(false);
    billing.online();
    const settled = await settledStatus(billing);
    expect(settled.state === 'idle' && settled.last?.outcome).toBe('went-through');
    expect(await charges()).toBe(1);
  });
});

describe('answers that leave no doubt', () => {
  it('a refill that works: one POST and one account read, nothing more', async () => {
    const { billing } = await billingCore();
    const before = await sandbox.requests();
    const reply = await billing.buyRefill();
    expect(reply.outcome).toBe('done');
    const after = (await sandbox.requests())
      .slice(before.length)
      .map((r) => `${r.method} ${r.path}`);
    expect(after).toEqual(['POST /v1/user/buy', 'GET /v1/user']);
  });

  it('after a plan switch the invoice list known before still serves; after a charge it is read afresh', async () => {
    const { billing } = await billingCore();
    const requestsOf = async (run: () => Promise<unknown>) => {
      const before = (await sandbox.requests()).length;
      await run();
      return (await sandbox.requests()).slice(before).map((r) => `${r.method} ${r.path}`);
    };
    // A switch charges nothing, so it leaves no invoice: the next action needs no list read first.
    expect(await requestsOf(() => billing.changeBundle('STARTER'))).toEqual([
      'PUT /v1/user/bundle/starter',
      'GET /v1/user',
    ]);
    expect(await requestsOf(() => billing.buyRefill())).toEqual([
      'POST /v1/user/buy',
      'GET /v1/user',
    ]);
    // The refill left an invoice that was not read: the next action reads the list before sending.
    expect(await requestsOf(() => billing.buyRefill())).toEqual([
      'GET /v1/invoice/list',
      'POST /v1/user/buy',
      'GET /v1/user',
    ]);
  });

  it('not sent at all (connection refused): an offline error, no check, no block', async () => {
    const { billing } = await billingCore();
    await proxy.close();
    const error = await refusal(billing.buyRefill());
    expect(error.kind).toBe('offline');
    expect(error.requestSent).toBeUndefined();
    expect(billing.isBusy()).toBe(false);
    expect(await markerFiles()).toEqual([]);
    expect(await charges()).toBe(0);
  });

  it('a declined test card sets no bundle and leaves nothing pending', async () => {
    const { billing } = await billingCore();
    const error = await refusal(
      billing.setBundle({
        name: 'STARTER',
        paymentMethod: 'pm_card_chargeDeclinedInsufficientFunds',
        address: { street: 'My House 8295', city: 'Parana', postCode: '3100', country: 'AR' },
      }),
    );
    expect(error.kind).toBe('payment-declined');
    expect(billing.isBusy()).toBe(false);
    expect(await sandbox.count('POST', '/v1/user/bundle')).toBe(1);
  });

  it('a bundle switch whose reply is lost is settled from the plan itself', async () => {
    const { billing } = await billingCore({ timeoutMs: 800 });
    proxy.lose({ method: 'PUT', path: '/v1/user/bundle/starter', mode: 'drop-after', count: 1 });
    expect((await billing.changeBundle('STARTER')).outcome).toBe('unknown');
    const settled = await settledStatus(billing);
    expect(settled.state === 'idle' && settled.last?.sentence).toBe('Your bundle is now STARTER.');
    expect(await sandbox.count('PUT', '/v1/user/bundle/starter')).toBe(1);
  });
});
