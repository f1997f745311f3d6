// The GreenCloud API contract (../shared/greencloud-api.md) as zod schemas: request bodies with the
// documented rules, and responses parsed leniently (missing optional fields are fine, wrong types
// are not). Pure: imported by the main process, the sandbox and the renderer.

import { z } from 'zod';
import { bundleNames, isBundleName } from './bundles';
import { fieldRules, firstBrokenRule, passwordRules, type FieldRule } from './field-rules';
import { maxLength, tooLongSentence } from './input-limits';

/**
 * A string checked against rules in order; the message names the field and the rule it broke.
 * The length comes first, so no rule ever runs on an oversized value.
 */
export function ruledString(label: string, max: number, rules: readonly FieldRule[]) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${label} is required.` : `${label} must be text.`,
    })
    .superRefine((value, ctx) => {
      if (value.length > max) {
        ctx.addIssue({ code: 'custom', message: tooLongSentence(label, max) });
        return;
      }
      const broken = firstBrokenRule(value, rules);
      if (broken) {
        ctx.addIssue({
          code: 'custom',
          message: value.length === 0 ? `${label} is required.` : `${label} must ${broken.text}.`,
        });
      }
    });
}

function requiredBoolean(label: string) {
  return z.boolean({ error: `${label} must be true or false.` });
}

const { required, alphanumspace, alphaspace, country, paymentMethod, twofaCode, email, apiKey } =
  fieldRules;

const password = ruledString('Password', maxLength.password, [required, ...passwordRules]);
const twofa = ruledString('The two-factor code', maxLength.twofaCode, [required, twofaCode]);

// ---- Authentication ----
export const loginRequest = z.object({
  email: ruledString('Email', maxLength.email, [required, email]),
  password,
  twofa: twofa.optional(),
});
export const refreshRequest = z.object({
  refreshToken: ruledString('Refresh token', maxLength.token, [required]),
});
export const apiKeyLoginRequest = z.object({
  key: ruledString('API key', maxLength.apiKey, [required, apiKey]),
});
export const twofaCodeRequest = z.object({
  code: ruledString('The two-factor code', maxLength.twofaCode, [required, twofaCode]),
});

// ---- Account ----
export const flagsRequest = z.object({
  bundleAutoRenewal: requiredBoolean('Bundle auto-renewal'),
  lowQuotaNotification: requiredBoolean('Low-quota notification'),
});
export const changePasswordRequest = z.object({ password, twofa: twofa.optional() });
export const resetRequest = z.object({
  email: ruledString('Email', maxLength.email, [required, email]),
});
export const setPasswordRequest = z.object({
  password,
  code: ruledString('The reset code', maxLength.resetCode, [required]),
  twofa: twofa.optional(),
});
export const billingAddress = z.object({
  company: ruledString('Company', maxLength.addressLine, [alphanumspace]).optional(),
  street: ruledString('Street', maxLength.addressLine, [required, alphanumspace]),
  city: ruledString('City', maxLength.addressLine, [required, alphaspace]),
  district: ruledString('District', maxLength.addressLine, [alphaspace]).optional(),
  postCode: ruledString('Post code', maxLength.postCode, [required, alphanumspace]),
  country: ruledString('Country', maxLength.country, [required, country]),
});
export const setBundleRequest = z.object({
  name: z.enum(bundleNames, { error: 'Bundle must be one of STARTER, DEVELOPER or ENTERPRISE.' }),
  paymentMethod: ruledString('Payment method', maxLength.paymentMethod, [required, paymentMethod]),
  address: billingAddress,
});
export const changeBundleRequest = z.object({
  name: z.enum(bundleNames, { error: 'Bundle must be one of STARTER, DEVELOPER or ENTERPRISE.' }),
});
export const changeCardRequest = z.object({
  paymentMethod: ruledString('Payment method', maxLength.paymentMethod, [required, paymentMethod]),
});
export const invoiceIdRequest = z.object({
  id: z
    .string()
    .min(1, 'Choose an invoice.')
    .max(maxLength.invoiceId, tooLongSentence('An invoice ID', maxLength.invoiceId)),
});

export type LoginRequest = z.infer<typeof loginRequest>;
export type FlagsRequest = z.infer<typeof flagsRequest>;
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;
export type SetPasswordRequest = z.infer<typeof setPasswordRequest>;
export type BillingAddress = z.infer<typeof billingAddress>;
export type SetBundleRequest = z.infer<typeof setBundleRequest>;
export type ChangeBundleRequest = z.infer<typeof changeBundleRequest>;
export type ChangeCardRequest = z.infer<typeof changeCardRequest>;

// ---- Responses ----
export const tokenResponse = z.object({
  expiresIn: z.number().positive(),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
});
export type TokenResponse = z.infer<typeof tokenResponse>;

export const twofaSeedResponse = z.object({ seed: z.string().min(1) });

/**
 * Go's encoding/json writes `null` for an empty pointer or slice: for GreenCloud, null and absent
 * both mean "not there". So every reply loses its null object fields before its schema reads it
 * (`readReply`), and the schemas below say `.optional()`: the rest of the app has one case to
 * handle. One walk over the reply, not a nullish-then-transform pipe per field: those pipes made zod
 * allocate about 12 KB per account read (every poll), against about 1 KB for the JSON.parse.
 */
export function readReply<T>(schema: z.ZodType<T>, json: unknown) {
  return schema.safeParse(withoutNullFields(json));
}

/**
 * Deletes, in place, every object field whose value is null, at any depth (array items stay: a
 * null in a list is not "absent"). For a value fresh from JSON.parse only. A loop with its own
 * stack, not recursion: a hostile reply nested a million deep costs time in its length, not a
 * stack overflow.
 */
function withoutNullFields(json: unknown): unknown {
  const pending: unknown[] = [json];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) pending.push(item);
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const field = record[key];
        if (field === null) delete record[key];
        else if (typeof field === 'object') pending.push(field);
      }
    }
  }
  return json;
}

/** "Developer" in older docs: a known name in any case is that bundle; others are shown as sent. */
const bundleName = z.string().transform((name) => {
  const upper = name.toUpperCase();
  return isBundleName(upper) ? upper : name;
});

/** Unix seconds: a number in the invoice detail example, a string in the list's since April 2023. */
const unixSeconds = z.union([
  z.number(),
  z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
]);

// Older accounts lack `price` and `flags`, the earliest `bundle`; every field but the id and email
// may be missing or null.
export const accountResponse = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  email: z.string(),
  name: z.string().optional(),
  surname: z.string().optional(),
  address: z
    .object({
      company: z.string().optional(),
      street: z.string().optional(),
      district: z.string().optional(),
      city: z.string().optional(),
      postCode: z.string().optional(),
      country: z.string().optional(),
    })
    .optional(),
  twofa: z.boolean().optional(),
  apiKey: z.string().optional(),
  // `currency` is not documented; read where a server states it (see common/money.ts).
  bundle: z
    .object({
      name: bundleName,
      quota: z.number(),
      price: z.number().optional(),
      currency: z.string().optional(),
    })
    .optional(),
  flags: z
    .object({
      bundleAutoRenewal: z.boolean().optional(),
      lowQuotaNotification: z.boolean().optional(),
    })
    .optional(),
});
export type Account = z.infer<typeof accountResponse>;

const invoiceId = z.union([z.string(), z.number()]).transform(String);

// An account with no invoices yet is `null` from a Go server (a nil slice), not `[]`.
export const invoiceListResponse = z
  .array(
    z.object({
      id: invoiceId,
      amount: z.number(),
      currency: z.string().optional(),
      status: z.string(),
      paidDay: unixSeconds.optional(),
    }),
  )
  .nullable()
  .transform((list) => list ?? []);
export type InvoiceSummary = z.infer<typeof invoiceListResponse>[number];

export const invoiceDetailResponse = z.object({
  amount: z.number(),
  currency: z.string().optional(),
  description: z.string().optional(),
  status: z.string(),
  paidDay: unixSeconds.optional(),
  payment: z
    .object({
      card: z.object({ brand: z.string().optional(), last4: z.string().optional() }).optional(),
      receiptUrl: z.string().optional(),
    })
    .optional(),
});
export type InvoiceDetail = z.infer<typeof invoiceDetailResponse>;

/** The error body GreenCloud's tools show; every field optional because it is undocumented. */
export const errorBody = z.object({
  error: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  field: z.string().optional().catch(undefined),
});
