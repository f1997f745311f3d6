// Live validation with the same rules (and the same sentences) the API schemas use, without
// pulling zod into the renderer's bundle: field-rule(s).ts is what api-schemas.ts is built from.

import { firstBrokenRule, type FieldRule } from '../../src-main/common/field-rule';

/**
 * The sentence for the first rule `value` breaks, or undefined. Optional fields pass when empty.
 * Matches api-schemas' ruledString: "<Label> is required." / "<Label> must <rule>."
 */
export function fieldProblem(
  label: string,
  value: string,
  rules: readonly FieldRule[],
  options: { optional?: boolean } = {},
): string | undefined {
  if (value.length === 0) return options.optional ? undefined : `${label} is required.`;
  const broken = firstBrokenRule(value, rules);
  return broken ? `${label} must ${broken.text}.` : undefined;
}

/** The rule as a checklist line: "Is at least 8 characters long", "Contains at least one of …". */
export function ruleChecklistLine(rule: FieldRule): string {
  // Rule texts are verb phrases ("be at least …", "contain …"): say them of the password.
  const phrase = rule.text;
  return phrase.startsWith('be ')
    ? `Is ${phrase.slice(3)}`
    : `${phrase[0]!.toUpperCase()}${phrase.slice(1).replace(/^(\w+)/, '$1s')}`;
}

/** The rule list in words for a hint under the field: "Must use only letters (A–Z), digits and spaces." */
export function rulesHint(rules: readonly FieldRule[]): string {
  const text = rules.map((rule) => rule.text).join('; ');
  return text ? `Must ${text}.` : '';
}

/** Server field errors arrive as dotted paths (`address.city`); pick the one for a field. */
export function errorFor(
  error: { field?: string; message: string } | null | undefined,
  field: string,
): string | undefined {
  return error?.field === field ? error.message : undefined;
}

/** The sentence under "Repeat new password" while the two entries differ. */
export function repeatProblem(password: string, repeat: string): string | undefined {
  return repeat !== password ? 'The two passwords do not match.' : undefined;
}

/**
 * The problem shown at a 2FA code field: the server's word about that field first, then a refused
 * code (kind 'twofa-invalid' comes without a field, but it is about this one), then the rules.
 */
export function twofaProblemFrom(
  error: { kind: string; field?: string; message: string } | null | undefined,
  ruleProblem: string | undefined,
  field = 'twofa',
): string | undefined {
  return (
    errorFor(error, field) ??
    (error?.kind === 'twofa-invalid' ? error.message : undefined) ??
    ruleProblem
  );
}

/**
 * The error to show above a form: one tied to no field. A refused 2FA code is left out because
 * it shows at the code field (see twofaProblemFrom).
 */
export function formLevelError<E extends { kind: string; field?: string }>(
  error: E | null | undefined,
): E | null {
  return error && !error.field && error.kind !== 'twofa-invalid' ? error : null;
}
