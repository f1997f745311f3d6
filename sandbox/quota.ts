// Simulated function invocations and the quota rules they trigger (issue 2, section 2):
// - below 10% of the bundle size, with lowQuotaNotification on: one "low-quota" email per crossing;
// - below 1%, with bundleAutoRenewal on: the bundle renews (quota + bundle size, an invoice);
// - at 0: the rest of the invocations fail (NO_QUOTA_AVAILABLE).
// The work is done in chunks between those thresholds, so a count of millions costs a handful of
// steps per bundle's worth, not one step per invocation. The quota itself is the crossing memory:
// a notice goes out only when a chunk takes the quota from at-or-above a threshold to below it, so
// setting the quota directly (PATCH /_sandbox/account) re-arms or disarms it consistently.

import { bundleSizes, quotaThresholds } from '../src-main/common/bundles';
import { describeBundle, recordInvoice, sandboxBundlePrices } from './billing';
import { sendMail, type SandboxAccount, type SandboxState } from './state';

export interface ConsumeResult {
  quota: number;
  succeeded: number;
  failed: number;
}

function thresholds(account: SandboxAccount) {
  const size = bundleSizes[account.bundle.name];
  return { size, low: size * quotaThresholds.low, critical: size * quotaThresholds.critical };
}

/** How many invocations take `quota` below `threshold`; Infinity when it is already below. */
function stepsToGoBelow(quota: number, threshold: number): number {
  return quota >= threshold ? quota - Math.ceil(threshold) + 1 : Number.POSITIVE_INFINITY;
}

/**
 * Renews when auto-renewal is on and less than 1% is left, charging the card on file. A declined
 * card cannot be charged: the owner gets a "renewal-failed" email (when `tellOnFailure`, i.e. at
 * the crossing, so not on every later call) and the quota keeps draining.
 */
export function renewIfDue(
  state: SandboxState,
  account: SandboxAccount,
  now: number,
  tellOnFailure: boolean,
): void {
  const { size, critical } = thresholds(account);
  if (!account.flags.bundleAutoRenewal || account.bundle.quota >= critical) return;
  if (account.cardDeclined) {
    if (tellOnFailure) sendMail(state, now, { to: account.email, kind: 'renewal-failed' });
    return;
  }
  account.bundle.quota += size;
  recordInvoice(state, account, now, {
    amount: sandboxBundlePrices[account.bundle.name],
    description: describeBundle(account.bundle.name, 'renewal'),
    card: account.card,
  });
  sendMail(state, now, { to: account.email, kind: 'renewed' });
}

export function consumeInvocations(
  state: SandboxState,
  account: SandboxAccount,
  count: number,
  now: number,
): ConsumeResult {
  // A quota set directly, or auto-renewal just turned on, may already be due for renewal.
  renewIfDue(state, account, now, false);
  let succeeded = 0;
  while (succeeded < count && account.bundle.quota > 0) {
    const { low, critical } = thresholds(account);
    const before = account.bundle.quota;
    const chunk = Math.min(
      count - succeeded,
      before,
      stepsToGoBelow(before, low),
      account.flags.bundleAutoRenewal ? stepsToGoBelow(before, critical) : Number.POSITIVE_INFINITY,
    );
    account.bundle.quota -= chunk;
    succeeded += chunk;
    const after = account.bundle.quota;
    if (account.flags.lowQuotaNotification && before >= low && after < low) {
      sendMail(state, now, { to: account.email, kind: 'low-quota' });
    }
    if (before >= critical && after < critical) renewIfDue(state, account, now, true);
  }
  return { quota: account.bundle.quota, succeeded, failed: count - succeeded };
}
