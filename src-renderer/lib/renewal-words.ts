// When auto-renewal buys the next bundle, in the words both the quota banner and the Account
// view's pace line use: with auto-renewal on, the moment that matters is the renewal (below 1%),
// not the run-out point, and two surfaces side by side must not name two different times.
import type { QuotaStatus } from '../../src-main/common/bridge-contract';
import { describeDuration } from '../../src-main/common/duration-words';

/**
 * "Auto-renews in ~32 minutes"; "Auto-renewal is due" once below 1% (GreenCloud's next step, not a
 * forecast, used up included); undefined with auto-renewal off or too little history to say when.
 */
export function renewalWhen(
  status: QuotaStatus,
  autoRenews: boolean,
  now: number,
): string | undefined {
  if (!autoRenews) return undefined;
  const due = status.dataLevel === 'critical' || status.dataLevel === 'exhausted';
  if (due || (status.renewsAt !== undefined && status.renewsAt - now < 60_000))
    return 'Auto-renewal is due';
  if (status.renewsAt === undefined) return undefined;
  return `Auto-renews in ${describeDuration(status.renewsAt - now)}`;
}
