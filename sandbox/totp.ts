// RFC 6238 time-based one-time passwords (SHA-1, 6 digits, 30-second steps), the kind every
// authenticator app makes. The sandbox checks 2FA codes with it and the tests compute real codes
// with it, so both sides agree by construction. node:crypto only: this runs inside Electron too.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const stepMs = 30_000;
const digits = 6;
const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The 30-second time step a moment falls in (RFC 6238's T). */
export function totpStep(atMs: number): number {
  return Math.floor(atMs / stepMs);
}

/** The 6-digit code for a base32 secret at a moment (epoch ms). */
export function totpCode(base32Secret: string, atMs: number): string {
  return codeForStep(base32Decode(base32Secret), totpStep(atMs));
}

/** A fresh random secret in base32 (160 bits, the size RFC 4226 recommends). */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/**
 * The time step whose code matches, trying one step of drift either side of `atMs`, or undefined.
 * Remembering used steps (to refuse replays) is the caller's job: it knows the account.
 */
export function matchingTotpStep(
  base32Secret: string,
  code: string,
  atMs: number,
): number | undefined {
  const key = base32Decode(base32Secret);
  const now = totpStep(atMs);
  for (const step of [now - 1, now, now + 1]) {
    if (sameText(codeForStep(key, step), code)) return step;
  }
  return undefined;
}

// RFC 4226 §5.3: HMAC the big-endian step counter, then dynamic truncation.
function codeForStep(key: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.max(0, step)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** RFC 4648 base32; authenticator apps also accept lower case, spaces and missing padding. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = base32Alphabet.indexOf(char);
    if (value < 0) throw new Error('The TOTP secret is not valid base32.');
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += base32Alphabet[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += base32Alphabet[(buffer << (5 - bits)) & 31];
  return out;
}
