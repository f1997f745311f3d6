// RFC 6238 TOTP as the sandbox computes it: the RFC's own SHA-1 test vectors (last 6 digits of
// its 8-digit values), base32 handling, and the one-step drift window.

import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  matchingTotpStep,
  newTotpSecret,
  totpCode,
  totpStep,
} from '../../sandbox/totp';

// RFC 6238 appendix B uses the ASCII secret "12345678901234567890" for SHA-1.
const rfcSecret = base32Encode(Buffer.from('12345678901234567890', 'ascii'));

describe('totpCode', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('matches the RFC 6238 SHA-1 vector at T=%i', (seconds, expected) => {
    expect(totpCode(rfcSecret, seconds * 1000)).toBe(expected);
  });

  it('encodes the RFC secret as the well-known base32 string', () => {
    expect(rfcSecret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('reads base32 the way authenticator apps write it (lower case, spaces, padding)', () => {
    expect(totpCode('jbsw y3dp ehpk 3pxp', 59_000)).toBe(totpCode('JBSWY3DPEHPK3PXP', 59_000));
    expect(base32Decode('JBSWY3DPEHPK3PXP======').equals(base32Decode('JBSWY3DPEHPK3PXP'))).toBe(
      true,
    );
  });

  it('refuses a secret that is not base32', () => {
    expect(() => totpCode('NOT-BASE32!', 0)).toThrow(/base32/);
  });

  it('keeps one code for the whole 30-second step and changes at its end', () => {
    expect(totpCode(rfcSecret, 30_000)).toBe(totpCode(rfcSecret, 59_999));
    expect(totpCode(rfcSecret, 59_999)).not.toBe(totpCode(rfcSecret, 60_000));
  });
});

describe('matchingTotpStep', () => {
  const at = 1_700_000_015_000;
  const step = totpStep(at);

  it('accepts the current step and one step either side', () => {
    expect(matchingTotpStep(rfcSecret, totpCode(rfcSecret, at), at)).toBe(step);
    expect(matchingTotpStep(rfcSecret, totpCode(rfcSecret, at - 30_000), at)).toBe(step - 1);
    expect(matchingTotpStep(rfcSecret, totpCode(rfcSecret, at + 30_000), at)).toBe(step + 1);
  });

  it('refuses codes two steps away', () => {
    expect(matchingTotpStep(rfcSecret, totpCode(rfcSecret, at - 60_000), at)).toBeUndefined();
    expect(matchingTotpStep(rfcSecret, totpCode(rfcSecret, at + 60_000), at)).toBeUndefined();
  });
});

describe('newTotpSecret', () => {
  it('makes a fresh 160-bit base32 secret each time', () => {
    const first = newTotpSecret();
    expect(first).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(first)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(first);
  });
});
