// Oversized input on every bridge call: each is refused with a sentence naming the field, before
// any handler runs, and the main process is blocked for well under 10 ms. The check is timed over
// the synchronous part of dispatch (everything before its first await), which is exactly the time
// the main process cannot answer anything else (best of five runs, on a shared machine).

import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { bridgeCallNames, type BridgeCallName } from '../../../src-main/common/bridge-contract';
import { isAppPageUrl } from '../../../src-main/core/app-page';
import {
  createHandlerRegistry,
  type BridgeHandlers,
} from '../../../src-main/core/handler-registry';

const appUrl = 'app://greencloud/index.html';
const huge = 'a'.repeat(100_000);
/** The shape that made the old email pattern quadratic: a dot at every other place, a second @. */
const hugeEmail = `a@${'b.'.repeat(50_000)}@`;
const blockedLimitMs = 10;

// A valid payload per call that takes one; every string in it is made oversized in turn below.
const validPayloads: Partial<Record<BridgeCallName, Record<string, unknown>>> = {
  signIn: { email: 'demo@greencloud.test', password: 'Demo123!', twofa: '123456' },
  signInWithApiKey: { key: '6f1c2a9e-3b7d-4c58-9e21-0a4b8d7c5f13' },
  requestPasswordReset: { email: 'demo@greencloud.test' },
  setPasswordWithCode: { password: 'Demo123!', code: 'abc', twofa: '123456' },
  setFlags: { bundleAutoRenewal: true, lowQuotaNotification: true },
  changePassword: { password: 'Demo123!', twofa: '123456' },
  verifyTwoFactor: { code: '123456' },
  disableTwoFactor: { code: '123456' },
  setBundle: {
    name: 'DEVELOPER',
    paymentMethod: 'pm_card_visa',
    address: {
      company: 'Acme',
      street: 'My House 8295',
      city: 'York',
      district: 'North',
      postCode: 'YO31',
      country: 'GB',
    },
  },
  changeBundle: { name: 'STARTER' },
  changeCard: { paymentMethod: 'pm_card_visa' },
  getInvoice: { id: 'inv_1' },
  openReceipt: { url: 'https://pay.stripe.com/receipts/x' },
  muteAlerts: { choice: '1h' },
  updateSettings: {
    endpoint: { kind: 'custom', customUrl: 'https://staging.example.com/v1' },
    proxy: 'proxy.example.com:8080',
  },
  answerProxyCredentials: { id: 'q1', username: 'alice', password: 'secret' },
};

/** Every dotted path to a string inside a payload. */
function stringPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value === 'string') return [prefix];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => stringPaths(inner, [...prefix, key]));
}

function withValue(payload: unknown, path: string[], replacement: string): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = { ...(payload as Record<string, unknown>) };
  copy[head!] = withValue(copy[head!], rest, replacement);
  return copy;
}

const cases = bridgeCallNames.flatMap((name) => {
  const payload = validPayloads[name];
  // Calls without a string in their request get the oversized string as their whole payload.
  const paths = payload ? stringPaths(payload) : [];
  if (paths.length === 0) return [{ name, field: '(payload)', payload: huge as unknown }];
  return paths.map((path) => ({
    name,
    field: path.join('.'),
    payload: withValue(payload, path, path.at(-1) === 'email' ? hugeEmail : huge),
  }));
});

function untouchedHandlers(reached: string[]): BridgeHandlers {
  return Object.fromEntries(
    bridgeCallNames.map((name) => [name, async () => void reached.push(name)]),
  ) as unknown as BridgeHandlers;
}

describe('oversized input through the bridge', () => {
  it('covers every call', () => {
    expect(new Set(cases.map((c) => c.name))).toEqual(new Set(bridgeCallNames));
  });

  it.each(cases)('$name refuses an oversized $field quickly', async ({ name, field, payload }) => {
    const reached: string[] = [];
    const registry = createHandlerRegistry(untouchedHandlers(reached), isAppPageUrl);
    // Best of five: the machine is shared, and a time slice lost to another process is not time
    // our check spends. The first run also pays for compiling the schema.
    let blockedMs = Infinity;
    let result: Awaited<ReturnType<typeof registry.dispatch>> | undefined;
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      const pending = registry.dispatch(name, payload, appUrl);
      blockedMs = Math.min(blockedMs, performance.now() - started);
      result = await pending;
    }

    expect(blockedMs).toBeLessThan(blockedLimitMs);
    if (!result) throw new Error('dispatch did not run');
    expect(reached).toEqual([]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('validation');
    // A sentence, never zod's own words or the value echoed back.
    expect(result.error.message).toMatch(/^[A-Z][^{}]*\.$/);
    expect(result.error.message.length).toBeLessThan(200);
    if (field !== '(payload)' && !['name', 'choice'].includes(field)) {
      expect(result.error.field).toBe(field);
    }
  });

  it('says how long a field may be', async () => {
    const registry = createHandlerRegistry(untouchedHandlers([]), isAppPageUrl);
    const result = await registry.dispatch(
      'signIn',
      { email: hugeEmail, password: 'Demo123!' },
      appUrl,
    );
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'validation',
        field: 'email',
        message: 'Email must be at most 254 characters long.',
      },
    });
  });
});
