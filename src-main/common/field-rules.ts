// The API's validation rules (go-playground/validator tags in GreenCloud's docs) as predicates with
// the rule in words, gathered as `fieldRules`. The client checks them before sending, the sandbox
// enforces them, and the views show the same words next to the field, so all three always agree.
// The rules themselves are in field-rule.ts; only the country rule, with its list of codes, is here.

import { isCountryCode } from './countries';
import {
  alphanumspaceRule,
  alphaspaceRule,
  apiKeyRule,
  containsSpecialRule,
  emailRule,
  min8Rule,
  paymentMethodRule,
  requiredRule,
  twofaCodeRule,
  type FieldRule,
} from './field-rule';

export { firstBrokenRule, passwordRules, passwordSpecials, type FieldRule } from './field-rule';

const country: FieldRule = {
  text: 'be a two-letter ISO country code such as GB or AR',
  test: (v) => isCountryCode(v),
};

export const fieldRules = {
  required: requiredRule,
  min8: min8Rule,
  containsSpecial: containsSpecialRule,
  alphanumspace: alphanumspaceRule,
  alphaspace: alphaspaceRule,
  country,
  paymentMethod: paymentMethodRule,
  twofaCode: twofaCodeRule,
  email: emailRule,
  apiKey: apiKeyRule,
} satisfies Record<string, FieldRule>;
