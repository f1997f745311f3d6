// Live validation with the same rules (and the same sentences) the API schemas use, without
// pulling zod into the renderer's bundle: field-rules.ts is what api-schemas.ts is built from.

import { firstBrokenRule, type FieldRule } from '../../src-main/common/field-rules';

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
