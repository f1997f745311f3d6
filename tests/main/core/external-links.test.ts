import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../src-main/core/external-links';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://greencloud.dev/signup',
    'https://docs.greencloud.dev/account',
    'https://pay.stripe.com/receipts/acct_1/ch_2/rcpt_3',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://pay.stripe.com/receipts/x'],
    ['a look-alike host', 'https://greencloud.dev.evil.example/x'],
    ['a suffix trick', 'https://evilgreencloud.dev/x'],
    ['credentials in the URL', 'https://user:pw@pay.stripe.com/x'],
    ['a file URL', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
