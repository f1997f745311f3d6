// GreenCloud's server is most likely Go with go-playground/validator (its docs use validator's
// tags), whose failures read "Key: 'LoginRequest.Twofa' Error:Field validation for 'Twofa' failed
// on the 'required' tag". That text is for developers: here it becomes our field path and a
// sentence in the same words the app's own checks use. It may arrive as a JSON member or a plain
// body, so the whole reply text is searched.

import { fieldRules, passwordRules } from '../common/field-rules';

export interface ValidatorFailure {
  /** Our dotted request path: `twofa`, `address.postCode`. */
  field: string;
  /** The validator tag that failed: `required`, `min`, `iso3166_1_alpha2`, ... */
  tag: string;
  sentence: string;
}

// Replies can be large; the first failure is near the start, and a cap keeps the search bounded.
const searchedChars = 4096;
// `[^']` cannot overlap the quotes around it, so this never backtracks.
const validatorLine =
  /Key: '([^']{1,200})' Error:\s?Field validation for '[^']{1,100}' failed on the '([^']{1,60})' tag/;

const labels: Readonly<Record<string, string>> = {
  email: 'Email',
  password: 'Password',
  twofa: 'The two-factor code',
  code: 'The code',
  key: 'API key',
  refreshToken: 'Refresh token',
  name: 'Bundle',
  paymentMethod: 'Payment method',
  'address.company': 'Company',
  'address.street': 'Street',
  'address.city': 'City',
  'address.district': 'District',
  'address.postCode': 'Post code',
  'address.country': 'Country',
};

/** Verb phrases completing "<Label> must …", from the rules the app itself checks. */
const tagRules: Readonly<Record<string, string>> = {
  min: passwordRules[0]!.text,
  containsany: fieldRules.containsSpecial.text,
  alphanumspace: fieldRules.alphanumspace.text,
  alphaspace: fieldRules.alphaspace.text,
  iso3166_1_alpha2: fieldRules.country.text,
  startswith: fieldRules.paymentMethod.text,
  email: fieldRules.email.text,
  uuid: fieldRules.apiKey.text,
  uuid4: fieldRules.apiKey.text,
  len: fieldRules.twofaCode.text,
  numeric: fieldRules.twofaCode.text,
  oneof: 'be one of the choices offered',
};

export function readValidatorFailure(text: string): ValidatorFailure | undefined {
  const match = validatorLine.exec(text.slice(0, searchedChars));
  if (!match) return undefined;
  const field = requestPath(match[1]!);
  const tag = match[2]!;
  const label = labels[field] ?? wordsOf(field);
  const rule = tagRules[tag];
  const sentence =
    tag === 'required'
      ? `${label} is required.`
      : rule
        ? `${label} must ${rule}.`
        : `GreenCloud did not accept the ${label.toLowerCase()}. Check it and try again.`;
  return { field, tag, sentence };
}

/** `SetBundleRequest.Address.PostCode` → `address.postCode`: the struct name goes, Go's capitals too. */
function requestPath(key: string): string {
  const parts = key.split('.');
  return (parts.length > 1 ? parts.slice(1) : parts)
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');
}

function wordsOf(field: string): string {
  const last = field.split('.').pop() ?? field;
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
