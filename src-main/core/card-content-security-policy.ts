// The card window's Content-Security-Policy, separate from the app window's (which stays as strict
// as content-security-policy.ts says). In live mode it allows exactly the hosts Stripe documents
// for Stripe.js and its Elements: the script and its iframes on js.stripe.com (and its
// subdomains), 3D Secure pages on hooks.stripe.com, API calls to api.stripe.com, and Stripe's card
// images. Sandbox and no-key windows load nothing from Stripe, so they get the app's own policy.

import type { CardWindowMode } from '../common/card-choice';
import { contentSecurityPolicy } from './content-security-policy';

const stripeLivePolicy = [
  "default-src 'self'",
  "script-src 'self' https://js.stripe.com https://*.js.stripe.com",
  "style-src 'self'",
  "img-src 'self' data: https://*.stripe.com",
  "font-src 'self'",
  "connect-src 'self' https://api.stripe.com",
  'frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function cardContentSecurityPolicy(mode: CardWindowMode | undefined): string {
  return mode === 'live' ? stripeLivePolicy : contentSecurityPolicy;
}
