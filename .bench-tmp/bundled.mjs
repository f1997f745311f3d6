// src-main/api/greencloud-client.ts
import { createHash } from "node:crypto";

// src-main/common/app-error.ts
var AppError = class extends Error {
  kind;
  field;
  retryAt;
  code;
  requestSent;
  constructor(data) {
    super(data.message);
    this.name = "AppError";
    this.kind = data.kind;
    this.field = data.field;
    this.retryAt = data.retryAt;
    this.code = data.code;
    this.requestSent = data.requestSent;
  }
  toData() {
    const data = { kind: this.kind, message: this.message };
    if (this.field !== void 0) data.field = this.field;
    if (this.retryAt !== void 0) data.retryAt = this.retryAt;
    if (this.code !== void 0) data.code = this.code;
    if (this.requestSent) data.requestSent = true;
    return data;
  }
};

// src-main/common/api-schemas.ts
import { z } from "zod";

// src-main/common/bundles.ts
var bundleNames = ["STARTER", "DEVELOPER", "ENTERPRISE"];
function isBundleName(value) {
  return bundleNames.includes(value);
}
function bundlePathWord(name) {
  return name.toLowerCase();
}

// src-main/common/countries.ts
var countryCodes = [
  "AD",
  "AE",
  "AF",
  "AG",
  "AI",
  "AL",
  "AM",
  "AO",
  "AQ",
  "AR",
  "AS",
  "AT",
  "AU",
  "AW",
  "AX",
  "AZ",
  "BA",
  "BB",
  "BD",
  "BE",
  "BF",
  "BG",
  "BH",
  "BI",
  "BJ",
  "BL",
  "BM",
  "BN",
  "BO",
  "BQ",
  "BR",
  "BS",
  "BT",
  "BV",
  "BW",
  "BY",
  "BZ",
  "CA",
  "CC",
  "CD",
  "CF",
  "CG",
  "CH",
  "CI",
  "CK",
  "CL",
  "CM",
  "CN",
  "CO",
  "CR",
  "CU",
  "CV",
  "CW",
  "CX",
  "CY",
  "CZ",
  "DE",
  "DJ",
  "DK",
  "DM",
  "DO",
  "DZ",
  "EC",
  "EE",
  "EG",
  "EH",
  "ER",
  "ES",
  "ET",
  "FI",
  "FJ",
  "FK",
  "FM",
  "FO",
  "FR",
  "GA",
  "GB",
  "GD",
  "GE",
  "GF",
  "GG",
  "GH",
  "GI",
  "GL",
  "GM",
  "GN",
  "GP",
  "GQ",
  "GR",
  "GS",
  "GT",
  "GU",
  "GW",
  "GY",
  "HK",
  "HM",
  "HN",
  "HR",
  "HT",
  "HU",
  "ID",
  "IE",
  "IL",
  "IM",
  "IN",
  "IO",
  "IQ",
  "IR",
  "IS",
  "IT",
  "JE",
  "JM",
  "JO",
  "JP",
  "KE",
  "KG",
  "KH",
  "KI",
  "KM",
  "KN",
  "KP",
  "KR",
  "KW",
  "KY",
  "KZ",
  "LA",
  "LB",
  "LC",
  "LI",
  "LK",
  "LR",
  "LS",
  "LT",
  "LU",
  "LV",
  "LY",
  "MA",
  "MC",
  "MD",
  "ME",
  "MF",
  "MG",
  "MH",
  "MK",
  "ML",
  "MM",
  "MN",
  "MO",
  "MP",
  "MQ",
  "MR",
  "MS",
  "MT",
  "MU",
  "MV",
  "MW",
  "MX",
  "MY",
  "MZ",
  "NA",
  "NC",
  "NE",
  "NF",
  "NG",
  "NI",
  "NL",
  "NO",
  "NP",
  "NR",
  "NU",
  "NZ",
  "OM",
  "PA",
  "PE",
  "PF",
  "PG",
  "PH",
  "PK",
  "PL",
  "PM",
  "PN",
  "PR",
  "PS",
  "PT",
  "PW",
  "PY",
  "QA",
  "RE",
  "RO",
  "RS",
  "RU",
  "RW",
  "SA",
  "SB",
  "SC",
  "SD",
  "SE",
  "SG",
  "SH",
  "SI",
  "SJ",
  "SK",
  "SL",
  "SM",
  "SN",
  "SO",
  "SR",
  "SS",
  "ST",
  "SV",
  "SX",
  "SY",
  "SZ",
  "TC",
  "TD",
  "TF",
  "TG",
  "TH",
  "TJ",
  "TK",
  "TL",
  "TM",
  "TN",
  "TO",
  "TR",
  "TT",
  "TV",
  "TW",
  "TZ",
  "UA",
  "UG",
  "UM",
  "US",
  "UY",
  "UZ",
  "VA",
  "VC",
  "VE",
  "VG",
  "VI",
  "VN",
  "VU",
  "WF",
  "WS",
  "YE",
  "YT",
  "ZA",
  "ZM",
  "ZW"
];
var assigned = new Set(countryCodes);
function isCountryCode(value) {
  return assigned.has(value);
}

// src-main/common/field-rule.ts
var passwordSpecials = "!@#$%&*";
var requiredRule = { text: "be filled in", test: (v) => v.length > 0 };
var min8Rule = {
  text: "be at least 8 characters long",
  test: (v) => hasCodePoints(v, 8)
};
var containsSpecialRule = {
  text: `contain at least one of ${passwordSpecials.split("").join(" ")}`,
  test: (v) => [...passwordSpecials].some((c) => v.includes(c))
};
var alphanumspaceRule = {
  text: "use only letters (A\u2013Z), digits and spaces",
  test: (v) => /^[A-Za-z0-9 ]+$/.test(v)
};
var alphaspaceRule = {
  text: "use only letters (A\u2013Z) and spaces",
  test: (v) => /^[A-Za-z ]+$/.test(v)
};
var paymentMethodRule = {
  text: "be a payment method ID starting with pm_",
  test: (v) => v.startsWith("pm_") && v.length > 3
};
var twofaCodeRule = {
  text: "be the 6-digit code from your authenticator",
  test: (v) => /^\d{6}$/.test(v)
};
var emailRule = {
  text: "be an email address like name@example.com",
  test: (v) => isEmailShaped(v)
};
var apiKeyRule = {
  text: "be your API key, a UUID like 6f1c2a9e-3b7d-4c58-9e21-0a4b8d7c5f13",
  test: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
};
function hasCodePoints(value, count) {
  let seen = 0;
  for (const _ of value) if (++seen >= count) return true;
  return false;
}
function isEmailShaped(value) {
  if (/\s/.test(value)) return false;
  const at = value.indexOf("@");
  if (at <= 0 || at !== value.lastIndexOf("@")) return false;
  const domain = value.slice(at + 1);
  return domain.length >= 3 && domain.slice(1, -1).includes(".");
}
var passwordRules = [min8Rule, containsSpecialRule];
function firstBrokenRule(value, rules) {
  return rules.find((rule) => !rule.test(value));
}

// src-main/common/field-rules.ts
var country = {
  text: "be a two-letter ISO country code such as GB or AR",
  test: (v) => isCountryCode(v)
};
var fieldRules = {
  required: requiredRule,
  min8: min8Rule,
  containsSpecial: containsSpecialRule,
  alphanumspace: alphanumspaceRule,
  alphaspace: alphaspaceRule,
  country,
  paymentMethod: paymentMethodRule,
  twofaCode: twofaCodeRule,
  email: emailRule,
  apiKey: apiKeyRule
};

// src-main/common/input-limits.ts
var maxLength = {
  /** RFC 5321's limit for a whole address. */
  email: 254,
  password: 256,
  /** Longer than the 6 digits, so a 7-digit slip still gets the rule in words. */
  twofaCode: 64,
  /** A UUID is 36; a little room for spaces pasted around it (they are trimmed later). */
  apiKey: 64,
  /** Tokens are opaque: JWTs with many claims stay well under this. */
  token: 8192,
  /** The emailed reset code is 32 hex characters in the docs' example. */
  resetCode: 128,
  addressLine: 100,
  postCode: 20,
  /** Likewise: "GBR" gets the ISO rule, not a length. */
  country: 64,
  /** Stripe's PaymentMethod IDs are ~30 characters. */
  paymentMethod: 255,
  invoiceId: 128,
  /** Browsers' practical limit for an address. */
  url: 2048
};
function tooLongSentence(label, max) {
  return `${label} must be at most ${max.toLocaleString("en-US")} characters long.`;
}

// src-main/common/api-schemas.ts
function ruledString(label, max, rules) {
  return z.string({
    error: (issue) => issue.input === void 0 ? `${label} is required.` : `${label} must be text.`
  }).superRefine((value, ctx) => {
    if (value.length > max) {
      ctx.addIssue({ code: "custom", message: tooLongSentence(label, max) });
      return;
    }
    const broken = firstBrokenRule(value, rules);
    if (broken) {
      ctx.addIssue({
        code: "custom",
        message: value.length === 0 ? `${label} is required.` : `${label} must ${broken.text}.`
      });
    }
  });
}
function requiredBoolean(label) {
  return z.boolean({ error: `${label} must be true or false.` });
}
var { required, alphanumspace, alphaspace, country: country2, paymentMethod, twofaCode, email, apiKey } = fieldRules;
var password = ruledString("Password", maxLength.password, [required, ...passwordRules]);
var twofa = ruledString("The 2FA code", maxLength.twofaCode, [required, twofaCode]);
var loginRequest = z.object({
  email: ruledString("Email", maxLength.email, [required, email]),
  password,
  twofa: twofa.optional()
});
var refreshRequest = z.object({
  refreshToken: ruledString("Refresh token", maxLength.token, [required])
});
var apiKeyLoginRequest = z.object({
  key: ruledString("API key", maxLength.apiKey, [required, apiKey])
});
var twofaCodeRequest = z.object({
  code: ruledString("The 2FA code", maxLength.twofaCode, [required, twofaCode])
});
var flagsRequest = z.object({
  bundleAutoRenewal: requiredBoolean("Bundle auto-renewal"),
  lowQuotaNotification: requiredBoolean("Low-quota notification")
});
var changePasswordRequest = z.object({ password, twofa: twofa.optional() });
var resetRequest = z.object({
  email: ruledString("Email", maxLength.email, [required, email])
});
var setPasswordRequest = z.object({
  password,
  code: ruledString("The reset code", maxLength.resetCode, [required]),
  twofa: twofa.optional()
});
var billingAddress = z.object({
  company: ruledString("Company", maxLength.addressLine, [alphanumspace]).optional(),
  street: ruledString("Street", maxLength.addressLine, [required, alphanumspace]),
  city: ruledString("City", maxLength.addressLine, [required, alphaspace]),
  district: ruledString("District", maxLength.addressLine, [alphaspace]).optional(),
  postCode: ruledString("Post code", maxLength.postCode, [required, alphanumspace]),
  country: ruledString("Country", maxLength.country, [required, country2])
});
var setBundleRequest = z.object({
  name: z.enum(bundleNames, { error: "Bundle must be one of STARTER, DEVELOPER or ENTERPRISE." }),
  paymentMethod: ruledString("Payment method", maxLength.paymentMethod, [required, paymentMethod]),
  address: billingAddress
});
var changeBundleRequest = z.object({
  name: z.enum(bundleNames, { error: "Bundle must be one of STARTER, DEVELOPER or ENTERPRISE." })
});
var changeCardRequest = z.object({
  paymentMethod: ruledString("Payment method", maxLength.paymentMethod, [required, paymentMethod])
});
var invoiceIdRequest = z.object({
  id: z.string().min(1, "Choose an invoice.").max(maxLength.invoiceId, tooLongSentence("An invoice ID", maxLength.invoiceId))
});
var tokenResponse = z.object({
  expiresIn: z.number().positive(),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional()
});
var twofaSeedResponse = z.object({ seed: z.string().min(1) });
function readReply(schema, json) {
  return schema.safeParse(withoutNullFields(json));
}
function withoutNullFields(json) {
  const pending = [json];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === "object" && item !== null) pending.push(item);
    } else if (typeof value === "object" && value !== null) {
      const record = value;
      for (const key of Object.keys(record)) {
        const field = record[key];
        if (field === null) delete record[key];
        else if (typeof field === "object") pending.push(field);
      }
    }
  }
  return json;
}
var bundleName = z.string().transform((name) => {
  const upper = name.toUpperCase();
  return isBundleName(upper) ? upper : name;
});
var unixSeconds = z.union([
  z.number(),
  z.string().regex(/^\d{1,12}$/).transform(Number)
]);
var accountResponse = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  email: z.string(),
  name: z.string().optional(),
  surname: z.string().optional(),
  address: z.object({
    company: z.string().optional(),
    street: z.string().optional(),
    district: z.string().optional(),
    city: z.string().optional(),
    postCode: z.string().optional(),
    country: z.string().optional()
  }).optional(),
  twofa: z.boolean().optional(),
  apiKey: z.string().optional(),
  // `currency` is not documented; read where a server states it (see common/money.ts).
  bundle: z.object({
    name: bundleName,
    quota: z.number(),
    price: z.number().optional(),
    currency: z.string().optional()
  }).optional(),
  flags: z.object({
    bundleAutoRenewal: z.boolean().optional(),
    lowQuotaNotification: z.boolean().optional()
  }).optional()
});
var invoiceId = z.union([z.string(), z.number()]).transform(String);
var invoiceListResponse = z.array(
  z.object({
    id: invoiceId,
    amount: z.number(),
    currency: z.string().optional(),
    status: z.string(),
    paidDay: unixSeconds.optional()
  })
).nullable().transform((list) => list ?? []);
var invoiceDetailResponse = z.object({
  amount: z.number(),
  currency: z.string().optional(),
  description: z.string().optional(),
  status: z.string(),
  paidDay: unixSeconds.optional(),
  payment: z.object({
    card: z.object({ brand: z.string().optional(), last4: z.string().optional() }).optional(),
    receiptUrl: z.string().optional()
  }).optional()
});
var errorBody = z.object({
  error: z.string().optional().catch(void 0),
  message: z.string().optional().catch(void 0),
  field: z.string().optional().catch(void 0)
});

// src-main/common/trailing-slashes.ts
function withoutTrailingSlashes(value) {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 47) end -= 1;
  return value.slice(0, end);
}

// src-main/common/validate.ts
var zodBuiltIn = /^(Invalid|Unrecognized key|Too (small|big))/;
var defaultShapeSentence = (field) => field === void 0 ? "The details sent are not in the expected form." : `${field} is missing or has the wrong type.`;
function validate(schema, value, shapeSentence = defaultShapeSentence) {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join(".") || void 0;
  const message = issue?.message;
  throw new AppError({
    kind: "validation",
    message: message === void 0 || zodBuiltIn.test(message) ? shapeSentence(field) : message,
    field
  });
}

// src-main/api/retry-after.ts
function retryAtFrom(header, now) {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return void 0;
  if (/^\d+$/.test(value)) return now + Number(value) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(date, now);
}
function describeWait(retryAt, now) {
  const minutes = Math.max(1, Math.ceil((retryAt - now) / 6e4));
  if (minutes < 60) return minutes === 1 ? "in about a minute" : `in about ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? "in about an hour" : `in about ${hours} hours`;
}

// src-main/api/validator-message.ts
var searchedChars = 4096;
var validatorLine = /Key: '([^']{1,200})' Error:\s?Field validation for '[^']{1,100}' failed on the '([^']{1,60})' tag/;
var labels = {
  email: "Email",
  password: "Password",
  twofa: "The 2FA code",
  code: "The code",
  key: "API key",
  refreshToken: "Refresh token",
  name: "Bundle",
  paymentMethod: "Payment method",
  "address.company": "Company",
  "address.street": "Street",
  "address.city": "City",
  "address.district": "District",
  "address.postCode": "Post code",
  "address.country": "Country"
};
var tagRules = {
  min: passwordRules[0].text,
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
  oneof: "be one of the choices offered"
};
function readValidatorFailure(text) {
  const match = validatorLine.exec(text.slice(0, searchedChars));
  if (!match) return void 0;
  const field = requestPath(match[1]);
  const tag = match[2];
  const label = labels[field] ?? wordsOf(field);
  const rule = tagRules[tag];
  const sentence = tag === "required" ? `${label} is required.` : rule ? `${label} must ${rule}.` : `GreenCloud did not accept the ${label.toLowerCase()}. Check it and try again.`;
  return { field, tag, sentence };
}
function requestPath(key) {
  const parts = key.split(".");
  return (parts.length > 1 ? parts.slice(1) : parts).map((part) => part.charAt(0).toLowerCase() + part.slice(1)).join(".");
}
function wordsOf(field) {
  const last = field.split(".").pop() ?? field;
  const words = last.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// src-main/api/wrong-server.ts
function isWebPage(response) {
  const type = String(response.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("text/html") || type.startsWith("application/xhtml")) return true;
  return /^\s*</.test(response.text);
}
function isForeignSuccess(response) {
  if (isWebPage(response)) return true;
  const type = String(response.headers["content-type"] ?? "").toLowerCase();
  return type !== "" && !type.includes("json") && /\S/.test(response.text);
}
function wrongServerSentence(host, status) {
  return `The server at ${host} answered with a web page, not GreenCloud's API (HTTP ${status}). Check the server address in Settings: it usually ends in /v1.`;
}
function redirectSentence(response, host) {
  const location = safeUrl(response.headers.location);
  const hostname = safeUrl(`http://${host}`)?.hostname;
  if (location?.protocol === "https:" && location.hostname === hostname) {
    return `The server at ${host} wants a secure connection. Change the server address in Settings to start with https://.`;
  }
  if (location && location.host !== host) {
    return `The server at ${host} sent GreenCloud Desktop on to ${location.host} (HTTP ${response.status}). Check the server address in Settings.`;
  }
  return `The server at ${host} sent GreenCloud Desktop to another address (HTTP ${response.status}). Check the server address in Settings.`;
}
function safeUrl(value) {
  if (typeof value !== "string" || value.length > 2048) return void 0;
  try {
    return new URL(value);
  } catch {
    return void 0;
  }
}

// src-main/api/error-mapping.ts
var sessionEndedSentence = "Your session has ended. Please sign in again.";
var twofaNeededSentence = "Enter the 6-digit code from your authenticator app.";
function isExpiredTokenReply(response) {
  if (response.status === 401) return true;
  return response.status === 403 && readErrorBody(response.text).code === "NEEDS_LOGIN";
}
function errorFromResponse(response, context) {
  const server = readErrorBody(response.text);
  const shown = plainSentence(server.message, context.secrets);
  const make = (kind, message, extra = {}) => new AppError({ kind, message, code: server.code, ...extra });
  if (response.status >= 300 && response.status <= 399) {
    return make("unexpected-response", redirectSentence(response, context.host));
  }
  const failure = readValidatorFailure(response.text);
  if (failure) {
    if (failure.field === "twofa" && failure.tag === "required" && context.twofaField === "twofa")
      return make("twofa-required", twofaNeededSentence, { field: "twofa" });
    return make("validation", failure.sentence, { field: failure.field });
  }
  switch (server.code) {
    case "VALIDATION_FAILED":
      return validationError(server.field, shown, make);
    case "NEEDS_LOGIN":
      return make("needs-login", sessionEndedSentence);
    case "INVALID_CREDENTIALS":
      return make("invalid-credentials", context.credentialsSentence ?? defaultCredentialsSentence);
    case "TWOFA_REQUIRED":
    case "NEEDS_2FA":
      return make("twofa-required", twofaNeededSentence, {
        field: context.twofaField ?? server.field
      });
    case "INVALID_TWOFA":
      return make(
        "twofa-invalid",
        "That 2FA code was not accepted. Wait for the next code in your authenticator app and try again.",
        { field: context.twofaField ?? server.field }
      );
    case "PAYMENT_DECLINED":
      return make(
        "payment-declined",
        "Your card was declined and nothing was charged. Try another card."
      );
    case "CARD_CHANGE_NOT_ALLOWED":
      return make(
        "not-allowed",
        "The card cannot be changed while bundle auto-renewal is on. Turn auto-renewal off, then change the card."
      );
    case "CARD_CHANGE_TOO_SOON": {
      const retryAt = retryAtFrom(response.headers["retry-after"], context.now);
      const when = retryAt === void 0 ? "later" : describeWait(retryAt, context.now);
      return make(
        "too-soon",
        `The card can be changed once every 24 hours. You can change it again ${when}.`,
        {
          retryAt
        }
      );
    }
    case "NO_QUOTA_AVAILABLE":
      return make(
        "no-quota",
        "Your bundle has no invocations left. Buy a refill or choose a bigger bundle."
      );
    case "NEEDS_UPGRADE":
      return make("not-allowed", "This needs a bigger bundle. Change your bundle and try again.");
  }
  return errorFromStatus(response, context, server, shown, make);
}
var defaultCredentialsSentence = "Those sign-in details are not correct. Check them and try again.";
function errorFromStatus(response, context, server, shown, make) {
  const { status } = response;
  if ((status === 400 || status === 422) && !isWebPage(response))
    return validationError(server.field, shown, make);
  if (status === 401) {
    return context.unauthorized === "needs-login" ? make("needs-login", sessionEndedSentence) : make("invalid-credentials", context.credentialsSentence ?? defaultCredentialsSentence);
  }
  if (status === 402)
    return make("payment-declined", "The payment did not go through. Try another card.");
  if (status === 403)
    return make("not-allowed", shown ?? "GreenCloud does not allow this for your account.");
  if (status === 408) {
    return make(
      "timeout",
      `${context.host} did not answer in time. Check your connection and try again.`
    );
  }
  if (status === 409) {
    return make(
      "busy",
      "GreenCloud is still working on an earlier change. Wait a moment and try again."
    );
  }
  if (status === 429) {
    const retryAt = retryAtFrom(response.headers["retry-after"], context.now);
    const when = retryAt === void 0 ? "in a minute" : describeWait(retryAt, context.now);
    return make("rate-limited", `Too many requests in a short time. Try again ${when}.`, {
      retryAt
    });
  }
  if (status >= 500 && status <= 599) {
    return make(
      "server",
      `GreenCloud's server had a problem (HTTP ${status}). Try again in a few minutes.`
    );
  }
  if (isWebPage(response)) {
    return make("unexpected-response", wrongServerSentence(context.host, status));
  }
  if (status === 404 && context.notFoundMeansWrongDetails) {
    return make("invalid-credentials", context.credentialsSentence ?? defaultCredentialsSentence);
  }
  if (status === 404 || status === 405) {
    return make(
      "unexpected-response",
      `The server at ${context.host} does not know this request (HTTP ${status}). Check the server address in Settings.`
    );
  }
  return make(
    "unexpected-response",
    `The server at ${context.host} answered in a way GreenCloud Desktop does not understand (HTTP ${status}).`
  );
}
function validationError(field, shown, make) {
  const fallback = field ? `GreenCloud did not accept the ${fieldWords(field)}. Check it and try again.` : "GreenCloud did not accept these details. Check them and try again.";
  return make("validation", shown ?? fallback, { field });
}
function fieldWords(field) {
  const last = field.split(".").pop() ?? field;
  return last.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
function readErrorBody(text) {
  const trimmed = text.trim();
  if (trimmed === "") return {};
  if (trimmed.startsWith("{")) {
    let json;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return {};
    }
    const parsed = readReply(errorBody, json);
    if (!parsed.success) return {};
    const alias = json.code;
    const code = parsed.data.error ?? (typeof alias === "string" ? alias : void 0);
    return {
      code: isCode(code) ? code : void 0,
      message: parsed.data.message,
      field: parsed.data.field
    };
  }
  if (isCode(trimmed)) return { code: trimmed };
  return { message: trimmed };
}
function isCode(value) {
  return value !== void 0 && /^[A-Z][A-Z0-9_]{1,63}$/.test(value);
}
function plainSentence(message, secrets) {
  const text = message?.trim();
  if (!text || text.length > 200) return void 0;
  if (!/^[A-Z]/.test(text) || /[{}[\]<>`\\\n\r\t]/.test(text)) return void 0;
  if (/\bat .+:\d+/.test(text) || /^\w*Error:/.test(text)) return void 0;
  if (secrets.some((secret) => secret.length > 0 && text.includes(secret))) return void 0;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

// src-main/api/auth-scheme.ts
function authorizationHeader(token, scheme = "bare") {
  return scheme === "bearer" ? `Bearer ${token}` : token;
}

// src-main/api/http-transport.ts
import http2 from "node:http";
import https2 from "node:https";

// src-main/api/exchange-deadlines.ts
var ExchangeDeadlines = class {
  #pending = /* @__PURE__ */ new Set();
  #timer;
  #armedAt = Infinity;
  /** Calls `expire` after `ms` unless the returned cancel is called first. */
  start(ms, expire) {
    const deadline = { at: performance.now() + ms, expire };
    this.#pending.add(deadline);
    if (deadline.at < this.#armedAt) this.#arm(deadline.at);
    return () => {
      this.#pending.delete(deadline);
    };
  }
  #arm(at) {
    if (this.#timer !== void 0) clearTimeout(this.#timer);
    this.#armedAt = at;
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, at - performance.now()));
    this.#timer.unref();
  }
  #fire() {
    this.#timer = void 0;
    this.#armedAt = Infinity;
    const now = performance.now();
    const due = [];
    let next = Infinity;
    for (const deadline of this.#pending) {
      if (deadline.at <= now) due.push(deadline);
      else next = Math.min(next, deadline.at);
    }
    for (const deadline of due) this.#pending.delete(deadline);
    if (next !== Infinity) this.#arm(next);
    for (const deadline of due) deadline.expire();
  }
};

// src-main/network/connection-pool.ts
import http from "node:http";
import https from "node:https";
import tls from "node:tls";
import { HttpProxyAgent } from "http-proxy-agent";
import { HttpsProxyAgent } from "https-proxy-agent";
var defaultIdleTimeoutMs = 4e3;
var ConnectionPool = class {
  secureContext;
  #idleTimeoutMs;
  #kept = /* @__PURE__ */ new Map();
  #identityChecks = /* @__PURE__ */ new Map();
  constructor(options) {
    this.secureContext = options.secureContext;
    this.#idleTimeoutMs = options.idleTimeoutMs ?? defaultIdleTimeoutMs;
  }
  /** The agent for `target` by way of `proxy`; `credential` only for a proxy that asked for one. */
  agentFor(target, proxy, use, credential) {
    if (use === "fresh") return this.#make(target, proxy, false, credential);
    const route = `${target.protocol} ${proxy.kind === "proxy" ? proxy.url.href : "direct"}`;
    const signedAs = credential ? `${credential.username}:${credential.password}` : "";
    const kept = this.#kept.get(route);
    if (kept && kept.signedAs === signedAs) return kept.agent;
    kept?.agent.destroy();
    const agent = this.#make(target, proxy, true, credential);
    this.#kept.set(route, { agent, signedAs });
    return agent;
  }
  /**
   * Through a CONNECT tunnel the TLS layer is not told the target's host, and for an IP address it
   * would check the name "localhost" instead: this checks the certificate against the address
   * asked for. One function per host, because Node pools TLS sockets by their options and a new
   * function on every request would never let a socket be reused.
   */
  identityCheckFor(target) {
    const host = target.hostname.replace(/^\[|\]$/g, "");
    let check = this.#identityChecks.get(host);
    if (!check) {
      check = (_name, cert) => tls.checkServerIdentity(host, cert);
      this.#identityChecks.set(host, check);
    }
    return check;
  }
  /** Closes every kept-alive socket (quit, or the proxy settings changed). */
  closeIdle() {
    for (const { agent } of this.#kept.values()) agent.destroy();
    this.#kept.clear();
  }
  #make(target, proxy, keepAlive, credential) {
    const common = {
      keepAlive,
      timeout: this.#idleTimeoutMs,
      maxSockets: 6,
      scheduling: "lifo"
    };
    if (proxy.kind === "direct") {
      return target.protocol === "https:" ? new https.Agent({ ...common, secureContext: this.secureContext }) : new http.Agent(common);
    }
    const url = new URL(proxy.url.href);
    if (credential) {
      url.username = encodeURIComponent(credential.username);
      url.password = encodeURIComponent(credential.password);
    }
    const proxyTls = url.protocol === "https:" ? { secureContext: this.secureContext } : {};
    return target.protocol === "https:" ? new HttpsProxyAgent(url, { ...common, ...proxyTls }) : new HttpProxyAgent(url, { ...common, ...proxyTls });
  }
};

// src-main/network/proxy-rules.ts
var direct = { kind: "direct" };
function choiceFromPac(result) {
  for (const entry of result.slice(0, 4096).split(";")) {
    const [word = "", address = ""] = entry.trim().split(/\s+/, 2);
    const kind = word.toUpperCase();
    if (kind === "DIRECT") return direct;
    if ((kind === "PROXY" || kind === "HTTPS") && address !== "") {
      const url = proxyUrl(`${kind === "HTTPS" ? "https" : "http"}://${address}`);
      if (url) return { kind: "proxy", url };
    }
  }
  return void 0;
}
function proxyUrl(text) {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.length > 2048) return void 0;
  let url;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    return void 0;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:" || url.hostname === "")
    return void 0;
  if (url.pathname !== "/" || url.search || url.hash) return void 0;
  return url;
}
function choiceFromEnvironment(target, env) {
  const read = (name) => env[name.toLowerCase()] ?? env[name.toUpperCase()];
  const named = target.protocol === "https:" ? read("https_proxy") : read("http_proxy");
  const url = named === void 0 ? void 0 : proxyUrl(named);
  if (!url) return void 0;
  return bypasses(read("no_proxy") ?? "", target) ? direct : { kind: "proxy", url };
}
function bypasses(noProxy, target) {
  const host = bareHost(target.hostname);
  const port = target.port || (target.protocol === "https:" ? "443" : "80");
  for (const raw of noProxy.slice(0, 8192).split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === "") continue;
    if (entry === "*") return true;
    const { name, entryPort } = splitPort(entry);
    if (entryPort !== void 0 && entryPort !== port) continue;
    const domain = name.replace(/^\*?\./, "");
    if (host === domain || host.endsWith(`.${domain}`)) return true;
  }
  return false;
}
function isLoopbackTarget(target) {
  const host = bareHost(target.hostname);
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
function bareHost(hostname) {
  const lower = hostname.toLowerCase();
  return lower.startsWith("[") && lower.endsWith("]") ? lower.slice(1, -1) : lower;
}
function splitPort(entry) {
  if (entry.startsWith("[")) {
    const end = entry.indexOf("]");
    const rest = entry.slice(end + 1);
    return {
      name: entry.slice(1, end),
      entryPort: rest.startsWith(":") ? rest.slice(1) : void 0
    };
  }
  const colon = entry.lastIndexOf(":");
  if (colon === -1 || entry.indexOf(":") !== colon) return { name: entry };
  return { name: entry.slice(0, colon), entryPort: entry.slice(colon + 1) };
}
function proxyLabel(url) {
  return url.host;
}

// src-main/network/proxy-resolver.ts
function createProxyResolver(options = {}) {
  const env = options.env ?? {};
  const loopbackDirect = options.loopbackDirect ?? true;
  return async (target) => {
    if (!(loopbackDirect && isLoopbackTarget(target))) {
      const manual = options.manualProxy?.();
      if (manual !== void 0 && manual.trim() !== "") {
        const url = proxyUrl(manual);
        if (!url) throw badManualProxy();
        return { kind: "proxy", url };
      }
      const fromEnv = choiceFromEnvironment(target, env);
      if (fromEnv) return fromEnv;
    }
    if (!options.system) return direct;
    let result;
    try {
      result = await options.system(target.href);
    } catch {
      return direct;
    }
    const chosen = choiceFromPac(result);
    if (chosen) return chosen;
    throw new AppError({
      kind: "offline",
      message: "Your network settings send GreenCloud Desktop through a SOCKS proxy, which it does not support. Set an HTTP proxy in Settings \u2192 Network."
    });
  };
}
function badManualProxy() {
  return new AppError({
    kind: "validation",
    field: "proxy",
    message: "The proxy in Settings is not a proxy address. Use the form proxy.example.com:8080, or clear it."
  });
}

// src-main/network/tls-failure.ts
var reasons = {
  CERT_HAS_EXPIRED: "its certificate has expired",
  CERT_NOT_YET_VALID: "its certificate is not valid yet (check this computer\u2019s date and time)",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "its certificate comes from a self-signed authority this computer does not trust",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "its certificate comes from an authority this computer does not trust",
  UNABLE_TO_GET_ISSUER_CERT: "its certificate comes from an authority this computer does not trust",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its certificate comes from an authority this computer does not trust",
  ERR_TLS_CERT_ALTNAME_INVALID: "its certificate is for a different name",
  CERT_REVOKED: "its certificate has been revoked",
  CERT_SIGNATURE_FAILURE: "its certificate\u2019s signature is not valid"
};
function certificateRefusedSentence(code, host) {
  const reason = reasons[code] ?? (code.startsWith("CERT_") || code.startsWith("ERR_TLS_CERT") ? "its certificate could not be verified" : void 0);
  if (reason === void 0) return void 0;
  const advice = code === "ERR_TLS_CERT_ALTNAME_INVALID" || code === "CERT_HAS_EXPIRED" || code === "CERT_NOT_YET_VALID" ? "Check the server address in Settings." : "If your company inspects secure connections, ask IT to install its certificate in this computer\u2019s certificate store.";
  return `GreenCloud Desktop did not trust ${host}: ${reason}. ${advice}`;
}

// src-main/network/trusted-certificates.ts
import { readFileSync, readdirSync } from "node:fs";
import tls2 from "node:tls";
function systemCertificates() {
  const read = tls2.getCACertificates;
  if (typeof read === "function") {
    try {
      return read("system");
    } catch {
      return [];
    }
  }
  if (process.platform === "linux") return certificatesInFile("/etc/ssl/certs/ca-certificates.crt");
  return [];
}
function certificatesInFile(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return [];
  }
  return text.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
}
function createTrustContext(loadSystem = systemCertificates) {
  const ca = [.../* @__PURE__ */ new Set([...tls2.rootCertificates, ...loadSystem(), ...extraCertificates()])];
  return tls2.createSecureContext({ ca });
}
function extraCertificates() {
  const read = tls2.getCACertificates;
  try {
    return typeof read === "function" ? read("extra") : [];
  } catch {
    return [];
  }
}

// src-main/api/http-transport.ts
var maxResponseBytes = 2 * 1024 * 1024;
var maxProxyQuestions = 3;
var offlineCodes = /* @__PURE__ */ new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "ENETRESET",
  "EPIPE",
  "EADDRNOTAVAIL"
]);
var staleSocketCodes = /* @__PURE__ */ new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);
var sharedDirect;
function directTransport() {
  sharedDirect ??= createHttpTransport();
  return sharedDirect;
}
function createHttpTransport(options = {}) {
  const chooseProxy = options.chooseProxy ?? createProxyResolver();
  const pool = options.pool ?? new ConnectionPool({ secureContext: createTrustContext() });
  const credentials = options.proxyCredentials;
  const deadlines = new ExchangeDeadlines();
  const exchangeOnce = (request, proxy, credential) => exchange(
    request,
    proxy,
    pool.agentFor(request.url, proxy, request.connection, credential),
    pool,
    deadlines
  );
  const exchangeWithReuse = async (request, proxy, credential) => {
    try {
      return await exchangeOnce(request, proxy, credential);
    } catch (error) {
      if (!(error instanceof StaleSocket)) throw error;
      if (request.connection !== "reuse") throw error.appError;
      try {
        return await exchangeOnce(request, proxy, credential);
      } catch (again) {
        throw again instanceof StaleSocket ? again.appError : again;
      }
    }
  };
  return {
    async send(request) {
      const proxy = await chooseProxy(request.url);
      if (proxy.kind === "direct") return exchangeWithReuse(request, proxy);
      const label = proxyLabel(proxy.url);
      const fromUrl = proxy.url.username !== "";
      let credential = fromUrl ? void 0 : await credentials?.stored(label);
      let response = await exchangeWithReuse(request, proxy, credential);
      for (let asked = 0; response.status === 407 && credentials && !fromUrl; asked += 1) {
        if (asked >= maxProxyQuestions) break;
        if (credential) await credentials.refused(label);
        const answer = await credentials.ask({ proxy: label, wrong: credential !== void 0 });
        if (!answer) throw proxyCredentialsNeeded(label);
        credential = answer;
        response = await exchangeWithReuse(request, proxy, credential);
        if (response.status !== 407) await credentials.accepted(label, credential);
      }
      if (response.status === 407) {
        throw credential || fromUrl ? proxyRefused(label) : proxyCredentialsNeeded(label);
      }
      return response;
    }
  };
}
var StaleSocket = class extends Error {
  constructor(appError) {
    super(appError.message);
    this.appError = appError;
  }
  appError;
};
function exchange(request, proxy, agent, pool, deadlines) {
  const { url } = request;
  const host = url.host;
  const via = proxy.kind === "proxy" ? proxyLabel(proxy.url) : void 0;
  const transport = url.protocol === "https:" ? https2 : http2;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome) => {
      if (settled) return;
      settled = true;
      cancelDeadline();
      outcome();
    };
    const headers = { ...request.headers };
    if (request.body !== void 0) {
      headers["Content-Length"] = String(Buffer.byteLength(request.body));
    } else if (request.method !== "GET") {
      headers["Content-Length"] = "0";
    }
    if (request.connection === "fresh") headers.Connection = "close";
    const req = transport.request(url, {
      method: request.method,
      headers,
      agent,
      secureContext: pool.secureContext,
      ...proxy.kind === "proxy" ? { checkServerIdentity: pool.identityCheckFor(url) } : {}
    });
    let responded = false;
    let sent = false;
    req.on("finish", () => {
      sent = true;
    });
    const markSent = (error) => sent ? new AppError({ ...error.toData(), requestSent: true }) : error;
    const cancelDeadline = deadlines.start(request.timeoutMs, () => {
      finish(
        () => reject(
          markSent(
            new AppError({
              kind: "timeout",
              message: `${host} did not answer in time. Check your connection and try again.`
            })
          )
        )
      );
      req.destroy();
    });
    req.on("error", (error) => {
      const appError = markSent(networkError(error, host, via));
      const stale = req.reusedSocket && !responded && (staleSocketCodes.has(error.code ?? "") || error.message === "socket hang up");
      finish(() => reject(stale ? new StaleSocket(appError) : appError));
    });
    req.on("response", (res) => {
      responded = true;
      const chunks = [];
      let size = 0;
      res.on("data", (chunk) => {
        size += chunk.length;
        if (size > maxResponseBytes) {
          finish(
            () => reject(
              new AppError({
                kind: "unexpected-response",
                message: `${host} sent a reply far larger than GreenCloud's. Check the server address in Settings.`
              })
            )
          );
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on("error", (error) => {
        finish(() => reject(markSent(networkError(error, host, via))));
      });
      res.on("end", () => {
        finish(
          () => resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            // A GreenCloud reply is one chunk: decoded as it is, not copied into a new buffer first.
            text: (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)).toString("utf8")
          })
        );
      });
    });
    req.end(request.body);
  });
}
function networkError(error, host, via) {
  const code = error.code ?? "";
  const certificate = certificateRefusedSentence(code, host);
  if (certificate) return new AppError({ kind: "unexpected-response", message: certificate });
  if (code === "ETIMEDOUT") {
    return new AppError({
      kind: "timeout",
      message: `${host} did not answer in time. Check your connection and try again.`
    });
  }
  if (via !== void 0 && (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN")) {
    return new AppError({
      kind: "offline",
      message: `Could not reach the proxy ${via}. Check the proxy in Settings \u2192 Network or your system's network settings.`
    });
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_FAIL") {
    return new AppError({
      kind: "offline",
      message: `Could not find the server ${host}. Check your internet connection and the server address.`
    });
  }
  if (offlineCodes.has(code) || error.message === "socket hang up") {
    return new AppError({
      kind: "offline",
      message: `Could not reach ${host}. Check your internet connection and try again.`
    });
  }
  return new AppError({
    kind: "offline",
    message: `The connection to ${host} failed. Check your connection and the server address.`
  });
}
function proxyCredentialsNeeded(proxy) {
  return new AppError({
    kind: "not-allowed",
    message: `The proxy ${proxy} needs a user name and password before GreenCloud Desktop can connect. Try again and enter them when asked.`
  });
}
function proxyRefused(proxy) {
  return new AppError({
    kind: "not-allowed",
    message: `The proxy ${proxy} did not accept the user name and password. Check them (your IT department can help) and try again.`
  });
}

// src-main/api/single-flight.ts
var ignore = () => void 0;
var SingleFlight = class {
  lanes = /* @__PURE__ */ new Map();
  run(flight, task) {
    const laneId = flight.policy === "share" ? `share:${flight.key}` : flight.lane;
    const lane = this.lanes.get(laneId);
    if (lane?.latestKey === flight.key) return lane.latest;
    if (lane && flight.policy === "exclusive") return Promise.reject(flight.busy());
    const promise = flight.policy === "serialize" && lane ? lane.tail.then(task) : task();
    const state = lane ?? {
      latestKey: "",
      latest: promise,
      tail: Promise.resolve(),
      pending: 0
    };
    state.latestKey = flight.key;
    state.latest = promise;
    if (flight.policy === "serialize") state.tail = promise.then(ignore, ignore);
    state.pending += 1;
    this.lanes.set(laneId, state);
    const settle = () => {
      state.pending -= 1;
      if (state.pending === 0 && this.lanes.get(laneId) === state) this.lanes.delete(laneId);
    };
    promise.then(settle, settle);
    return promise;
  }
};

// src-main/api/greencloud-client.ts
var backoffBaseMs = 400;
var maxCachedUrls = 64;
var defaultTimeoutMs = 15e3;
var defaultReadRetries = 2;
var GreenCloudClient = class {
  baseUrl;
  host;
  userAgent;
  auth;
  timeoutMs;
  readRetries;
  sleep;
  now;
  flights = new SingleFlight();
  authSchemes;
  transport;
  log;
  /** Each path's URL, parsed once: every poll asks for the same one (bounded: invoice ids vary). */
  urls = /* @__PURE__ */ new Map();
  renewing;
  constructor(options) {
    const url = parseBaseUrl(options.baseUrl);
    this.baseUrl = withoutTrailingSlashes(url.href);
    this.host = url.host;
    this.userAgent = options.userAgent;
    this.auth = options.auth;
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.readRetries = Math.max(0, options.readRetries ?? defaultReadRetries);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.authSchemes = options.authSchemes ?? schemesForThisRun();
    this.log = options.log ?? (() => void 0);
    this.transport = options.transport ?? directTransport();
  }
  // Every method is async so that a validation failure arrives as a rejected promise, like any
  // other failure, and never as a synchronous throw.
  // ---- Authentication: no Authorization header ----
  async login(request) {
    const body = validate(loginRequest, request);
    return this.call({
      method: "POST",
      path: "/auth/login",
      body,
      authenticated: false,
      response: tokenResponse,
      flight: { policy: "share", lane: "login" },
      secrets: [body.password, body.twofa],
      credentialsSentence: "The email or password is not correct.",
      twofaField: "twofa",
      notFoundMeansWrongDetails: true
    });
  }
  async refresh(refreshToken) {
    const body = validate(refreshRequest, { refreshToken });
    return this.call({
      method: "POST",
      path: "/auth/refresh",
      body,
      authenticated: false,
      response: tokenResponse,
      // Refresh tokens rotate: two refreshes with the same token would spend it twice.
      flight: { policy: "share", lane: "refresh" },
      secrets: [body.refreshToken],
      refusalMeansSessionEnded: true
    });
  }
  async loginWithApiKey(key) {
    const body = validate(apiKeyLoginRequest, { key });
    return this.call({
      method: "POST",
      path: "/auth/apiKey",
      body,
      authenticated: false,
      response: tokenResponse,
      flight: { policy: "share", lane: "api-key" },
      secrets: [body.key],
      credentialsSentence: "That API key was not accepted. Check it and try again."
    });
  }
  async requestPasswordReset(email2) {
    const body = validate(resetRequest, { email: email2 });
    return this.call({
      method: "POST",
      path: "/user/resetPassword",
      body,
      authenticated: false,
      // A double click must not send two emails with two different codes.
      flight: { policy: "share", lane: "reset" }
    });
  }
  async setPasswordWithCode(request) {
    const body = validate(setPasswordRequest, request);
    return this.call({
      // GreenCloud documents this as a GET with a JSON body; the transport sends it as such.
      method: "GET",
      path: "/user/resetPassword",
      body,
      authenticated: false,
      flight: {
        policy: "exclusive",
        lane: "set-password",
        busySentence: "Your new password is still being saved. Wait for it to finish."
      },
      secrets: [body.password, body.code, body.twofa],
      twofaField: "twofa"
    });
  }
  // ---- Account: Authorization required ----
  async beginTwoFactor() {
    return this.call({
      method: "POST",
      path: "/auth/2FA",
      authenticated: true,
      response: twofaSeedResponse,
      flight: { policy: "share", lane: "twofa-begin" }
    });
  }
  async verifyTwoFactor(code) {
    return this.twoFactorChange("POST", "/auth/verify2FA", code);
  }
  async disableTwoFactor(code) {
    return this.twoFactorChange("DELETE", "/auth/2FA", code);
  }
  async getAccount() {
    return this.call({
      method: "GET",
      path: "/user",
      authenticated: true,
      response: accountResponse,
      read: true,
      flight: { policy: "share", lane: "account" }
    });
  }
  async setFlags(flags) {
    const valid = validate(flagsRequest, flags);
    return this.call({
      method: "PUT",
      path: "/user/flags",
      // Both values, always: a flag left out is set to false by the server.
      body: {
        bundleAutoRenewal: valid.bundleAutoRenewal,
        lowQuotaNotification: valid.lowQuotaNotification
      },
      authenticated: true,
      flight: { policy: "serialize", lane: "flags" }
    });
  }
  async changePassword(request) {
    const body = validate(changePasswordRequest, request);
    return this.call({
      method: "PUT",
      path: "/user/password",
      body,
      authenticated: true,
      flight: {
        policy: "exclusive",
        lane: "password",
        busySentence: "Your password change is still being saved. Wait for it to finish."
      },
      secrets: [body.password, body.twofa],
      twofaField: "twofa"
    });
  }
  async setBundle(request) {
    const body = validate(setBundleRequest, request);
    return this.call({
      method: "POST",
      path: "/user/bundle",
      body,
      authenticated: true,
      flight: planFlight
    });
  }
  async changeBundle(name) {
    const valid = validate(changeBundleRequest, { name });
    return this.call({
      method: "PUT",
      path: `/user/bundle/${bundlePathWord(valid.name)}`,
      authenticated: true,
      flight: planFlight
    });
  }
  async buyRefill() {
    return this.call({
      method: "POST",
      path: "/user/buy",
      authenticated: true,
      flight: {
        policy: "exclusive",
        lane: "refill",
        busySentence: "A refill is already being bought. Wait for it to finish."
      }
    });
  }
  async changeCard(paymentMethod2) {
    const valid = validate(changeCardRequest, { paymentMethod: paymentMethod2 });
    return this.call({
      // The documented path ends in a slash.
      method: "PUT",
      path: "/user/card/",
      body: { paymentMethod: valid.paymentMethod, address: { default: true } },
      authenticated: true,
      flight: {
        policy: "exclusive",
        lane: "card",
        busySentence: "A card change is already being processed. Wait for it to finish."
      }
    });
  }
  async listInvoices() {
    return this.call({
      method: "GET",
      path: "/invoice/list",
      authenticated: true,
      response: invoiceListResponse,
      read: true,
      flight: { policy: "share", lane: "invoices" }
    });
  }
  async getInvoice(id) {
    const valid = validate(invoiceIdRequest, { id });
    return this.call({
      method: "GET",
      path: `/invoice/${encodeURIComponent(valid.id)}`,
      authenticated: true,
      response: invoiceDetailResponse,
      read: true,
      flight: { policy: "share", lane: "invoice" }
    });
  }
  // ---- The one request path ----
  async twoFactorChange(method, path, code) {
    const body = validate(twofaCodeRequest, { code });
    return this.call({
      method,
      path,
      body,
      authenticated: true,
      flight: {
        policy: "exclusive",
        lane: "twofa",
        busySentence: "A two-factor change is already being processed. Wait for it to finish."
      },
      secrets: [body.code],
      twofaField: "code"
    });
  }
  call(spec) {
    const bodyText = spec.body === void 0 ? void 0 : JSON.stringify(spec.body);
    const request = `${spec.method} ${spec.path}`;
    const key = bodyText === void 0 ? request : createHash("sha256").update(`${request}
${bodyText}`).digest("hex");
    const { policy, lane, busySentence } = spec.flight;
    return this.flights.run(
      {
        lane,
        key,
        policy,
        busy: () => new AppError({
          kind: "busy",
          message: busySentence ?? "An earlier request is still being processed. Wait for it to finish."
        })
      },
      () => this.attempts(spec, bodyText)
    );
  }
  /** Reads get retries with exponential backoff; writes exactly one attempt. */
  async attempts(spec, bodyText) {
    const session = { renewed: false, triedOtherScheme: false };
    const attempts = spec.read ? 1 + this.readRetries : 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(spec, bodyText, session);
      } catch (error) {
        if (attempt >= attempts || !isTransient(error)) throw error;
        const jitter = Math.random() * backoffBaseMs * 0.25;
        await this.sleep(backoffBaseMs * 2 ** (attempt - 1) + jitter);
      }
    }
  }
  /**
   * One attempt, including the single renewal and retry after an expired-token reply on an
   * authenticated call. That retry is safe even for money calls: 401 (or 403 NEEDS_LOGIN) means the
   * server refused before doing anything.
   */
  async attempt(spec, bodyText, state) {
    if (!spec.authenticated)
      return this.interpret(spec, await this.send(spec, bodyText), void 0);
    let token = await this.currentToken();
    let response = await this.sendSigned(spec, bodyText, token);
    if (isExpiredTokenReply(response) && !state.renewed) {
      state.renewed = true;
      token = await this.renewedToken(token);
      response = await this.sendSigned(spec, bodyText, token);
      if (isExpiredTokenReply(response) && !state.triedOtherScheme) {
        state.triedOtherScheme = true;
        response = await this.tryOtherScheme(spec, bodyText, token, response);
      }
      if (isExpiredTokenReply(response)) throw this.refusedAfterRenewal(response);
    }
    return this.interpret(spec, response, token);
  }
  /** Sends with this endpoint's Authorization scheme, and remembers it once it is accepted. */
  async sendSigned(spec, bodyText, token) {
    const remembered = this.authSchemes.get(this.baseUrl);
    const scheme = remembered ?? "bare";
    const response = await this.send(spec, bodyText, authorizationHeader(token, scheme));
    if (remembered === void 0 && !isExpiredTokenReply(response))
      this.authSchemes.set(this.baseUrl, scheme);
    return response;
  }
  /**
   * The docs never say whether the header is the bare token or `Bearer <token>`. A token the server
   * issued a moment ago being refused is the sign that the scheme is wrong (a refusal of an older
   * token looks exactly like expiry, which is why the renewal comes first). So, while the endpoint
   * has accepted neither, that refusal is tried once with the other scheme; an acceptance is
   * remembered for the endpoint and logged.
   */
  async tryOtherScheme(spec, bodyText, token, refused) {
    if (this.authSchemes.get(this.baseUrl) !== void 0) return refused;
    const retry = await this.send(spec, bodyText, authorizationHeader(token, "bearer"));
    if (isExpiredTokenReply(retry)) return refused;
    this.authSchemes.set(this.baseUrl, "bearer");
    this.log(
      `${this.host} refused a freshly issued access token sent bare and accepted it as "Bearer <token>": using Bearer for this server from now on.`
    );
    return retry;
  }
  refusedAfterRenewal(response) {
    const error = errorFromResponse(response, this.errorContext({ authenticated: true }, []));
    return new AppError({
      kind: "not-allowed",
      code: error.code,
      message: `${this.host} refused this request even though your session had just been renewed. You are still signed in: try again, and if it keeps failing, sign out and sign in again.`
    });
  }
  send(spec, bodyText, authorization) {
    const headers = {
      Accept: "application/json",
      "User-Agent": this.userAgent
    };
    if (bodyText !== void 0) headers["Content-Type"] = "application/json";
    if (authorization !== void 0) headers.Authorization = authorization;
    return this.transport.send({
      method: spec.method,
      url: this.urlFor(spec.path),
      headers,
      body: bodyText,
      timeoutMs: this.timeoutMs,
      // Reads reuse kept-alive connections. Every other call, and above all the ones that move
      // money, gets a connection of its own: a kept-alive socket the server has just closed fails a
      // POST with ECONNRESET after it may or may not have arrived, and for a purchase that
      // ambiguity is worse than one more handshake. (Reads may simply be sent again.)
      connection: spec.read ? "reuse" : "fresh"
    });
  }
  urlFor(path) {
    let url = this.urls.get(path);
    if (!url) {
      url = new URL(this.baseUrl + path);
      if (this.urls.size >= maxCachedUrls) this.urls.clear();
      this.urls.set(path, url);
    }
    return url;
  }
  interpret(spec, response, token) {
    if (response.status >= 200 && response.status <= 299) {
      if (isForeignSuccess(response)) {
        throw new AppError({
          kind: "unexpected-response",
          message: wrongServerSentence(this.host, response.status)
        });
      }
      if (!spec.response) return void 0;
      return this.parseBody(spec.response, response.text);
    }
    const error = errorFromResponse(response, this.errorContext(spec, [token]));
    if (spec.refusalMeansSessionEnded && [400, 401, 403].includes(response.status)) {
      throw new AppError({
        kind: "needs-login",
        message: sessionEndedSentence,
        code: error.code
      });
    }
    throw error;
  }
  errorContext(spec, extraSecrets) {
    return {
      host: this.host,
      now: this.now(),
      unauthorized: spec.authenticated || spec.refusalMeansSessionEnded ? "needs-login" : "invalid-credentials",
      credentialsSentence: spec.credentialsSentence,
      twofaField: spec.twofaField,
      notFoundMeansWrongDetails: spec.notFoundMeansWrongDetails,
      secrets: [...spec.secrets ?? [], ...extraSecrets].filter(
        (value) => !!value
      )
    };
  }
  parseBody(schema, text) {
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      throw this.unexpectedReply();
    }
    const parsed = readReply(schema, json);
    if (!parsed.success) throw this.unexpectedReply();
    return parsed.data;
  }
  unexpectedReply() {
    return new AppError({
      kind: "unexpected-response",
      message: `The server at ${this.host} sent a reply GreenCloud Desktop could not read. Try again, or check the server address in Settings.`
    });
  }
  async currentToken() {
    const token = await this.auth?.accessToken();
    if (!token)
      throw new AppError({ kind: "needs-login", message: "Please sign in to GreenCloud first." });
    return token;
  }
  /**
   * A token to retry with after `refused` got a 401. Concurrent 401s share one renewal, and a call
   * whose 401 arrives after another call already renewed just uses the new token: refresh tokens
   * rotate, so a second refresh would be wasted at best.
   */
  async renewedToken(refused) {
    const auth = this.auth;
    if (!auth) throw new AppError({ kind: "needs-login", message: sessionEndedSentence });
    if (!this.renewing) {
      const current = await auth.accessToken();
      if (current && current !== refused) return current;
    }
    this.renewing ??= auth.renewAccessToken().catch((error) => {
      throw error instanceof AppError ? error : new AppError({ kind: "needs-login", message: sessionEndedSentence });
    }).finally(() => {
      this.renewing = void 0;
    });
    return this.renewing;
  }
};
function schemesForThisRun() {
  const known = /* @__PURE__ */ new Map();
  return {
    get: (baseUrl) => known.get(baseUrl),
    set: (baseUrl, scheme) => known.set(baseUrl, scheme)
  };
}
var planFlight = {
  policy: "exclusive",
  lane: "plan",
  busySentence: "Your plan change is still being processed. Wait for it to finish."
};
function isTransient(error) {
  return error instanceof AppError && (error.kind === "offline" || error.kind === "timeout" || error.kind === "server");
}
function parseBaseUrl(baseUrl) {
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw invalidBaseUrl();
  }
  if (url.protocol !== "http:" && url.protocol !== "https:" || url.username || url.password) {
    throw invalidBaseUrl();
  }
  url.search = "";
  url.hash = "";
  return url;
}
function invalidBaseUrl() {
  return new AppError({
    kind: "validation",
    field: "baseUrl",
    message: "The server address must be a web address starting with http:// or https://, without a user name or password."
  });
}
export {
  ConnectionPool,
  GreenCloudClient,
  createHttpTransport
};
