// The billing facts every account shares by endpoint or by key: the currency and Stripe publishable
// key set per endpoint, when GreenCloud will next take a card change (per account key), and the
// card window. One instance for the app (the files behind it are read-modify-write); the billing
// handlers (core/handlers/billing-handlers.ts) pass in the account's endpoint and key.

import { AppError } from '../common/app-error';
import type { BillingPreferencesView, Endpoint } from '../common/bridge-contract';
import type { CardPurpose, CardWindowResult } from '../common/card-choice';
import { sandboxCurrency } from '../common/money';
import type { Clock, OpenCardWindow, OpenExternal } from '../common/platform-ports';
import { validate } from '../common/validate';
import { BillingPreferences, billingPreferencesPatch } from './billing-preferences';
import { CardChangeSchedule, cardChangeIntervalMs } from './card-change-schedule';
import { cardWindowMode, chooseCardThroughWindow } from './card-entry';

export interface BillingFactsDeps {
  dataDir: string;
  clock: Clock;
  openExternal: OpenExternal;
  openCardWindow?: OpenCardWindow;
  /** GreenCloud's own publishable key, set at build time; absent until GreenCloud publishes one. */
  greencloudPublishableKey?: string;
}

/** Whose billing facts: the account's endpoint and its key (`<baseUrl> <email>`). */
export interface BillingOwner {
  endpoint: Endpoint;
  accountKey: string;
}

export class BillingFacts {
  readonly #deps: BillingFactsDeps;
  readonly #preferences: BillingPreferences;
  readonly #cardChanges: CardChangeSchedule;

  constructor(deps: BillingFactsDeps) {
    this.#deps = deps;
    this.#preferences = new BillingPreferences(deps.dataDir);
    this.#cardChanges = new CardChangeSchedule(deps.dataDir);
  }

  async view({ endpoint, accountKey }: BillingOwner): Promise<BillingPreferencesView> {
    const nextCardChangeAt = await this.#cardChanges.nextChangeAt(
      accountKey,
      this.#deps.clock.now(),
    );
    const stored = await this.#preferences.forEndpoint(endpoint.baseUrl);
    const view: BillingPreferencesView = {
      currencyFixed: endpoint.kind === 'sandbox',
      currency: endpoint.kind === 'sandbox' ? sandboxCurrency : stored.currency,
      publishableKeySource:
        endpoint.kind === 'sandbox'
          ? 'sandbox'
          : stored.stripePublishableKey
            ? 'setting'
            : endpoint.kind === 'greencloud' && this.#deps.greencloudPublishableKey
              ? 'build'
              : 'none',
    };
    if (stored.stripePublishableKey) view.stripePublishableKey = stored.stripePublishableKey;
    if (nextCardChangeAt !== undefined) view.nextCardChangeAt = nextCardChangeAt;
    return view;
  }

  async update(owner: BillingOwner, patch: unknown): Promise<BillingPreferencesView> {
    const valid = validate(billingPreferencesPatch, patch);
    if (owner.endpoint.kind === 'sandbox' && valid.currency !== undefined) {
      throw new AppError({
        kind: 'not-allowed',
        field: 'currency',
        message: 'The sandbox bills in US dollars; its currency cannot be changed.',
      });
    }
    await this.#preferences.update(owner.endpoint.baseUrl, valid);
    return this.view(owner);
  }

  /**
   * Sends a card change and remembers when GreenCloud takes the next one: 24 hours on, or the
   * Retry-After of a "too soon" refusal.
   */
  async changeCard(
    owner: BillingOwner,
    send: () => Promise<void>,
  ): Promise<BillingPreferencesView> {
    try {
      await send();
    } catch (error) {
      if (error instanceof AppError && error.kind === 'too-soon' && error.retryAt)
        await this.#cardChanges.remember(owner.accountKey, error.retryAt);
      throw error;
    }
    await this.#cardChanges.remember(
      owner.accountKey,
      this.#deps.clock.now() + cardChangeIntervalMs,
    );
    return this.view(owner);
  }

  async chooseCard(owner: BillingOwner, purpose: CardPurpose): Promise<CardWindowResult | null> {
    const { endpoint } = owner;
    const publishableKey =
      endpoint.kind === 'sandbox' ? undefined : await this.#publishableKeyFor(endpoint);
    const currency = (await this.view(owner)).currency ?? sandboxCurrency;
    return chooseCardThroughWindow(
      this.#deps.openCardWindow,
      {
        mode: cardWindowMode(endpoint, publishableKey),
        ...(publishableKey ? { publishableKey } : {}),
        purpose,
        currency: currency.toLowerCase(),
      },
      this.#deps.openExternal,
    );
  }

  async #publishableKeyFor(endpoint: Endpoint): Promise<string | undefined> {
    return (
      (await this.#preferences.forEndpoint(endpoint.baseUrl)).stripePublishableKey ??
      (endpoint.kind === 'greencloud' ? this.#deps.greencloudPublishableKey : undefined)
    );
  }
}
