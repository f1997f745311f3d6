// The API's validation rules (go-playground/validator tags in GreenCloud's docs) as predicates with
// the rule in words, one constant each. field-rules.ts gathers them (with the country rule) as
// `fieldRules`; the sign-in screen imports the few it needs from here, so its first load carries
// neither the others nor the country rule's list of 249 codes.
export const passwordSpecials = '!@#$%&*';

export interface FieldRule {
  /** The rule as a verb phrase completing "<Field> must …", shown beside the field. */
  text: string;
  test: (value: string) => boolean;
}

export const requiredRule: FieldRule = { text: 'be filled in', test: (v) => v.length > 0 };
export const min8Rule: FieldRule = {
  text: 'be at least 8 characters long',
  test: (v) => hasCodePoints(v, 8),
};
export const containsSpecialRule: FieldRule = {
  text: `contain at least one of ${passwordSpecials.split('').join(' ')}`,
  test: (v) => [...passwordSpecials].some((c) => v.includes(c)),
};
// validator's alphanumspace / alphaspace are ASCII-only: "Paraná" is refused, "Parana" passes.
export const alphanumspaceRule: FieldRule = {
  text: 'use only letters (A–Z), digits and spaces',
  test: (v) => /^[A-Za-z0-9 ]+$/.test(v),
};
export const alphaspaceRule: FieldRule = {
  text: 'use only letters (A–Z) and spaces',
  test: (v) => /^[A-Za-z ]+$/.test(v),
};
export const paymentMethodRule: FieldRule = {
  text: 'be a payment method ID starting with pm_',
  test: (v) => v.startsWith('pm_') && v.length > 3,
};
export const twofaCodeRule: FieldRule = {
  text: 'be the 6-digit code from your authenticator',
  test: (v) => /^\d{6}$/.test(v),
};
export const emailRule: FieldRule = {
  text: 'be an email address like name@example.com',
  test: (v) => isEmailShaped(v),
};
export const apiKeyRule: FieldRule = {
  text: 'be your API key, a UUID like 6f1c2a9e-3b7d-4c58-9e21-0a4b8d7c5f13',
  test: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
};

/** At least `count` characters as a person counts them (an emoji is one), without copying `value`. */
function hasCodePoints(value: string, count: number): boolean {
  let seen = 0;
  for (const _ of value) if (++seen >= count) return true;
  return false;
}

/**
 * One `@` with text on both sides, no spaces, and a dot inside the domain with text around it.
 * Written out rather than as /^[^\s@]+@[^\s@]+\.[^\s@]+$/: that pattern backtracks over every
 * possible dot position when there is none, which took seconds for an 80,000-character paste.
 * Every step here is one pass over the string.
 */
function isEmailShaped(value: string): boolean {
  if (/\s/.test(value)) return false;
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  const domain = value.slice(at + 1);
  return domain.length >= 3 && domain.slice(1, -1).includes('.');
}

/** The password rules in order, for the live checklist and for validation. */
export const passwordRules: readonly FieldRule[] = [min8Rule, containsSpecialRule];

/** The first rule a value breaks, or undefined when it passes them all. */
export function firstBrokenRule(value: string, rules: readonly FieldRule[]): FieldRule | undefined {
  return rules.find((rule) => !rule.test(value));
}
