// Billing facts the user states per endpoint, kept in their own small file beside the settings:
// the currency GreenCloud bills in (asked once; the API does not say) and the Stripe publishable
// key for a custom endpoint. A publishable key is public by design (it ships inside every Stripe
// web page); a secret key (sk_…) is refused. No card data, ever.

import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../common/app-error';
import { isCurrencyCode } from '../common/money';
import { readJsonFile, writeJsonAtomically } from './atomic-json-file';

export interface EndpointBilling {
  currency?: string;
  stripePublishableKey?: string;
}

export const publishableKeyPattern = /^pk_(live|test)_[A-Za-z0-9]{1,250}$/;

export const billingPreferencesPatch = z
  .object({
    currency: z
      .string()
      .refine(isCurrencyCode, 'Choose a currency by its three-letter code, such as USD or EUR.')
      .optional(),
    stripePublishableKey: z
      .string()
      .refine(
        (key) => key === '' || publishableKeyPattern.test(key),
        'A Stripe publishable key starts with pk_live_ or pk_test_. Never enter a secret key (sk_…).',
      )
      .optional(),
  })
  .strict();
export type BillingPreferencesPatch = z.infer<typeof billingPreferencesPatch>;

const stored = z.record(
  z.string(),
  z.object({
    currency: z.string().refine(isCurrencyCode).optional().catch(undefined),
    stripePublishableKey: z.string().regex(publishableKeyPattern).optional().catch(undefined),
  }),
);

export class BillingPreferences {
  readonly #path: string;
  #cache: Record<string, EndpointBilling> | undefined;

  constructor(dataDir: string) {
    this.#path = join(dataDir, 'billing', 'preferences.json');
  }

  async forEndpoint(baseUrl: string): Promise<EndpointBilling> {
    return (await this.#all())[baseUrl] ?? {};
  }

  async update(baseUrl: string, patch: BillingPreferencesPatch): Promise<EndpointBilling> {
    const all = await this.#all();
    const next: EndpointBilling = { ...all[baseUrl] };
    if (patch.currency !== undefined) next.currency = patch.currency.toUpperCase();
    if (patch.stripePublishableKey !== undefined) {
      if (patch.stripePublishableKey === '') delete next.stripePublishableKey;
      else next.stripePublishableKey = patch.stripePublishableKey;
    }
    const written = { ...all, [baseUrl]: next };
    try {
      await writeJsonAtomically(this.#path, written);
    } catch {
      throw new AppError({
        kind: 'internal',
        message: 'GreenCloud Desktop could not save its billing settings.',
      });
    }
    this.#cache = written;
    return next;
  }

  async #all(): Promise<Record<string, EndpointBilling>> {
    if (!this.#cache) {
      const parsed = stored.safeParse(await readJsonFile(this.#path));
      this.#cache = parsed.success ? parsed.data : {};
    }
    return this.#cache;
  }
}
