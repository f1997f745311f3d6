// The longest value each request string may have. None of GreenCloud's documented fields is
// anywhere near these, so a longer value is a paste gone wrong or a hostile caller: it is refused
// with a sentence before any rule runs, which keeps every check's time bounded as well as linear.

export const maxLength = {
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
  url: 2048,
} as const;

/** "Email must be at most 254 characters long." */
export function tooLongSentence(label: string, max: number): string {
  return `${label} must be at most ${max.toLocaleString('en-US')} characters long.`;
}
