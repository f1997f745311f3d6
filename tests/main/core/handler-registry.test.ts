import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/app-error';
import { bridgeCallNames } from '../../../src-main/common/bridge-contract';
import {
  createHandlerRegistry,
  type BridgeHandlers,
} from '../../../src-main/core/handler-registry';
import { isAppPageUrl } from '../../../src-main/core/app-page';

// Handlers that record what reached them: the registry's job is to decide what may reach them.
function recordingHandlers(seen: string[]): BridgeHandlers {
  return Object.fromEntries(
    bridgeCallNames.map((name) => [
      name,
      async (request: unknown) => {
        seen.push(name);
        if (name === 'changeCard')
          throw new AppError({ kind: 'payment-declined', message: 'Declined.' });
        if (name === 'listInvoices') throw new Error('/home/me/secret path in a stack');
        return { echoed: request };
      },
    ]),
  ) as unknown as BridgeHandlers;
}

const appUrl = 'app://greencloud/index.html';
const accountId = 'http://127.0.0.1:4010/v1 demo@greencloud.test';

describe('createHandlerRegistry', () => {
  it('runs a handler with the parsed payload from the app page', async () => {
    const seen: string[] = [];
    const registry = createHandlerRegistry(recordingHandlers(seen), isAppPageUrl);
    const result = await registry.dispatch('changeBundle', { accountId, name: 'STARTER' }, appUrl);
    expect(result).toEqual({ ok: true, value: { echoed: { accountId, name: 'STARTER' } } });
    expect(seen).toEqual(['changeBundle']);
  });

  it('refuses a sender that is not the app page before any handler runs', async () => {
    const seen: string[] = [];
    const registry = createHandlerRegistry(recordingHandlers(seen), isAppPageUrl);
    for (const url of [
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://other/index.html',
      undefined,
    ]) {
      const result = await registry.dispatch('buyRefill', { accountId }, url);
      expect(result).toMatchObject({ ok: false, error: { kind: 'not-allowed' } });
    }
    expect(seen).toEqual([]);
  });

  it.each(bridgeCallNames)(
    'rejects a malformed payload for %s with the common error',
    async (name) => {
      const seen: string[] = [];
      const registry = createHandlerRegistry(recordingHandlers(seen), isAppPageUrl);
      // A number is valid for no call: the no-argument calls take undefined, the rest an object.
      const result = await registry.dispatch(name, 42, appUrl);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('validation');
        expect(result.error.message).toMatch(/\w+ \w+/);
      }
      expect(seen).toEqual([]);
    },
  );

  it('names the field that broke a rule', async () => {
    const registry = createHandlerRegistry(recordingHandlers([]), isAppPageUrl);
    const result = await registry.dispatch(
      'setBundle',
      {
        accountId,
        name: 'DEVELOPER',
        paymentMethod: 'pm_card_visa',
        address: { street: '123 Hill St.', city: 'York', postCode: 'YO31', country: 'GB' },
      },
      appUrl,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'address.street' },
    });
    if (!result.ok)
      expect(result.error.message).toBe('Street must use only letters (A–Z), digits and spaces.');
  });

  it('refuses a call about an account that names none', async () => {
    const seen: string[] = [];
    const registry = createHandlerRegistry(recordingHandlers(seen), isAppPageUrl);
    for (const payload of [undefined, {}, { accountId: '' }, { accountId: 7 }]) {
      const result = await registry.dispatch('buyRefill', payload, appUrl);
      expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    }
    expect(seen).toEqual([]);
  });

  it('refuses unknown calls, including prototype names', async () => {
    const registry = createHandlerRegistry(recordingHandlers([]), isAppPageUrl);
    for (const name of ['invoke', '__proto__', 'constructor', 'toString']) {
      expect(await registry.dispatch(name, undefined, appUrl)).toMatchObject({
        ok: false,
        error: { kind: 'validation' },
      });
    }
  });

  it('passes AppErrors through and hides other errors behind a sentence', async () => {
    const registry = createHandlerRegistry(recordingHandlers([]), isAppPageUrl);
    expect(
      await registry.dispatch('changeCard', { accountId, paymentMethod: 'pm_card_visa' }, appUrl),
    ).toEqual({
      ok: false,
      error: { kind: 'payment-declined', message: 'Declined.' },
    });
    const hidden = await registry.dispatch('listInvoices', { accountId }, appUrl);
    expect(hidden).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret path');
  });
});
