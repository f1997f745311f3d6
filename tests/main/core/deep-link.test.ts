import { describe, expect, it } from 'vitest';
import { findDeepLinkArgument, parseDeepLink } from '../../../src-main/core/deep-link';

describe('parseDeepLink', () => {
  it('opens Set Password with the code from a reset link', () => {
    expect(
      parseDeepLink('greencloud://reset-password?code=b352935253674aeeb43d4ed4362745ab'),
    ).toEqual({
      view: 'set-password',
      code: 'b352935253674aeeb43d4ed4362745ab',
    });
  });

  it('accepts the single-slash spelling some launchers pass on', () => {
    expect(parseDeepLink('greencloud:reset-password?code=abc123')).toEqual({
      view: 'set-password',
      code: 'abc123',
    });
  });

  it.each([
    ['another scheme', 'https://reset-password?code=abc'],
    ['an unknown action', 'greencloud://delete-account?code=abc'],
    ['no code', 'greencloud://reset-password'],
    ['a code with markup', 'greencloud://reset-password?code=%3Cscript%3E'],
    ['an overlong code', `greencloud://reset-password?code=${'a'.repeat(129)}`],
    ['not a URL', 'reset-password'],
  ])('ignores %s', (_name, url) => {
    expect(parseDeepLink(url)).toBeUndefined();
  });

  it('finds the link among process arguments', () => {
    expect(
      findDeepLinkArgument([
        '/opt/GreenCloud/greencloud',
        '--flag',
        'greencloud://reset-password?code=x',
      ]),
    ).toBe('greencloud://reset-password?code=x');
    expect(findDeepLinkArgument(['/opt/GreenCloud/greencloud'])).toBeUndefined();
  });
});
