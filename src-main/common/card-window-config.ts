// What the card window is told when it opens, carried in its URL's query (nothing in it is secret:
// a publishable key is public by design). Checked by hand rather than with zod, so the card
// window's page stays small.

/** What the card window shows: the sandbox's test-card form, Stripe's Payment Element, or no key. */
export type CardWindowMode = 'sandbox' | 'live' | 'no-key';

export interface CardWindowConfig {
  mode: CardWindowMode;
  /** Stripe publishable key (pk_live_… or pk_test_…), never a secret key. */
  publishableKey?: string;
  /** What the card is for, so the window can say it: a card change or a new bundle. */
  purpose: 'change-card' | 'set-bundle';
  /** The currency Stripe's Payment Element is set up with (ISO 4217, lower case as Stripe wants). */
  currency: string;
}

const modes: readonly string[] = ['sandbox', 'live', 'no-key'];
const purposes: readonly string[] = ['change-card', 'set-bundle'];
const publishableKey = /^pk_(live|test)_[A-Za-z0-9]{1,250}$/;

export function cardWindowQuery(config: CardWindowConfig): string {
  const params = new URLSearchParams({
    mode: config.mode,
    purpose: config.purpose,
    currency: config.currency,
  });
  if (config.publishableKey) params.set('pk', config.publishableKey);
  return params.toString();
}

export function readCardWindowQuery(search: string): CardWindowConfig | undefined {
  const params = new URLSearchParams(search);
  const mode = params.get('mode') ?? '';
  const purpose = params.get('purpose') ?? '';
  const currency = params.get('currency') ?? '';
  const key = params.get('pk') ?? undefined;
  if (!modes.includes(mode) || !purposes.includes(purpose) || !/^[a-z]{3}$/.test(currency))
    return undefined;
  if (key !== undefined && !publishableKey.test(key)) return undefined;
  if (mode === 'live' && key === undefined) return undefined;
  return {
    mode: mode as CardWindowMode,
    purpose: purpose as CardWindowConfig['purpose'],
    currency,
    ...(key ? { publishableKey: key } : {}),
  };
}
