// What main accepts from the card window: a pm_ ID with brand, last four and expiry, or a way on;
// nothing else. The window's page runs in another process, so this is the boundary's check.

import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../src-main/common/app-error';
import {
  cardWindowMode,
  chooseCardThroughWindow,
  greencloudDashboardBillingUrl,
} from '../../../src-main/billing/card-entry';
import { cardWindowQuery, readCardWindowQuery } from '../../../src-main/common/card-window-config';
import { cardContentSecurityPolicy } from '../../../src-main/core/card-content-security-policy';
import { contentSecurityPolicy } from '../../../src-main/core/content-security-policy';
import { isCardPageUrl } from '../../../src-main/core/card-page';
import { resolveCardPageFile } from '../../../src-main/electron/card-page-files';

const config = { mode: 'sandbox', purpose: 'change-card', currency: 'usd' } as const;
const card = {
  kind: 'card',
  paymentMethod: 'pm_card_visa',
  brand: 'visa',
  last4: '4242',
  expMonth: 12,
  expYear: 2034,
};

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

describe('chooseCardThroughWindow', () => {
  it('passes on a chosen card and treats a closed window as no answer', async () => {
    const opened: string[] = [];
    const openExternal = async (url: string) => void opened.push(url);
    expect(await chooseCardThroughWindow(async () => card, config, openExternal)).toEqual(card);
    expect(await chooseCardThroughWindow(async () => undefined, config, openExternal)).toBeNull();
    expect(opened).toEqual([]);
  });

  it('refuses anything beyond the ID, brand, last four and expiry (a number, a CVC)', async () => {
    for (const extra of [{ number: '4242424242424242' }, { cvc: '123' }]) {
      const error = await refusal(
        chooseCardThroughWindow(
          async () => ({ ...card, ...extra }),
          config,
          async () => undefined,
        ),
      );
      expect(error.kind).toBe('unexpected-response');
      expect(error.message).toContain('Nothing was changed.');
      expect(error.message).not.toContain('4242424242424242');
    }
    const notPm = await refusal(
      chooseCardThroughWindow(
        async () => ({ kind: 'pasted', paymentMethod: 'tok_visa' }),
        config,
        async () => undefined,
      ),
    );
    expect(notPm.kind).toBe('unexpected-response');
  });

  it('opens the GreenCloud dashboard in the browser when asked', async () => {
    const opened: string[] = [];
    const result = await chooseCardThroughWindow(
      async () => ({ kind: 'dashboard' }),
      { ...config, mode: 'no-key' },
      async (url) => void opened.push(url),
    );
    expect(result).toEqual({ kind: 'dashboard' });
    expect(opened).toEqual([greencloudDashboardBillingUrl]);
  });
});

describe('the card window’s configuration and page', () => {
  it('chooses the mode from the endpoint and the key', () => {
    expect(cardWindowMode({ kind: 'sandbox', baseUrl: 'http://127.0.0.1:1/v1' }, undefined)).toBe(
      'sandbox',
    );
    expect(cardWindowMode({ kind: 'custom', baseUrl: 'https://x/v1' }, 'pk_test_1')).toBe('live');
    expect(cardWindowMode({ kind: 'greencloud', baseUrl: 'https://x/v1' }, undefined)).toBe(
      'no-key',
    );
  });

  it('round-trips through the URL and refuses a secret key or an unknown mode', () => {
    const live = {
      mode: 'live',
      purpose: 'set-bundle',
      currency: 'eur',
      publishableKey: 'pk_live_A1',
    } as const;
    expect(readCardWindowQuery(`?${cardWindowQuery(live)}`)).toEqual(live);
    expect(
      readCardWindowQuery('?mode=live&purpose=set-bundle&currency=eur&pk=sk_live_A1'),
    ).toBeUndefined();
    expect(readCardWindowQuery('?mode=admin&purpose=set-bundle&currency=eur')).toBeUndefined();
    expect(readCardWindowQuery('?mode=live&purpose=set-bundle&currency=eur')).toBeUndefined();
  });

  it('lets Stripe’s hosts in only in live mode; the app window’s policy is unchanged', () => {
    expect(cardContentSecurityPolicy('live')).toContain("script-src 'self' https://js.stripe.com");
    expect(cardContentSecurityPolicy('sandbox')).toBe(contentSecurityPolicy);
    expect(cardContentSecurityPolicy('no-key')).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).not.toContain('stripe');
  });

  it('serves only the card page and its assets from its https host', () => {
    const root = '/app/out/card';
    expect(
      resolveCardPageFile(root, 'https://desktop-card.greencloud.dev/card.html?mode=sandbox'),
    ).toBe('/app/out/card/card.html');
    expect(resolveCardPageFile(root, 'https://desktop-card.greencloud.dev/assets/card-1.js')).toBe(
      '/app/out/card/assets/card-1.js',
    );
    for (const url of [
      'https://desktop-card.greencloud.dev/index.html',
      'https://desktop-card.greencloud.dev/assets/%2e%2e/%2e%2e/secret',
      'https://evil.example/card.html',
      'http://desktop-card.greencloud.dev/card.html',
    ]) {
      expect(resolveCardPageFile(root, url), url).toBeUndefined();
    }
    expect(isCardPageUrl('https://desktop-card.greencloud.dev/card.html?x=1')).toBe(true);
    expect(isCardPageUrl('app://greencloud/index.html')).toBe(false);
  });
});
