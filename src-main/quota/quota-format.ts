// The one rule for the quota's figures: every surface (tray title and menu, banner, gauge, alerts)
// shows these values, computed once here in main, so they can never disagree. en-US grouping as the
// tray line is specified ("8,200 of 100,000 left (8%)").

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return grouping.format(n);
}

/**
 * Percent of one bundle left, one decimal, rounded DOWN: 9,996 of 100,000 is 9.9 (low), never a
 * rounded-up 10.0 that reads as "not low yet"; 999 is 0.9, below the 1% line as its level says.
 * Above 100 after a refill.
 */
export function percentLeft(quota: number, bundleSize: number): number {
  return Math.max(0, Math.floor((quota / bundleSize) * 1000) / 10);
}

/**
 * A whole percentage for a label, rounded down the same way. A quota above 0 but below 1% reads
 * "<1%" rather than a misleading "0%".
 */
export function formatPercent(quota: number, bundleSize: number): string {
  const exact = (quota / bundleSize) * 100;
  if (quota > 0 && exact < 1) return '<1%';
  return `${Math.max(0, Math.floor(exact))}%`;
}

/** "2 bundles' worth", "1.5 bundles' worth" (rounded down): for a quota above one bundle. */
export function formatBundlesWorth(quota: number, bundleSize: number): string {
  const bundles = Math.floor((quota / bundleSize) * 10) / 10;
  return `${oneDecimal.format(bundles)} bundles' worth`;
}

/**
 * "8,200 of 100,000 left (8%)"; above one bundle (after refills) "200,000 left (2 bundles'
 * worth)", never "200,000 of 100,000"; "8,200 left" when the bundle's size is unknown.
 */
export function describeLeft(quota: number, bundleSize: number | undefined): string {
  if (bundleSize === undefined) return `${formatCount(quota)} left`;
  if (quota > bundleSize) {
    return `${formatCount(quota)} left (${formatBundlesWorth(quota, bundleSize)})`;
  }
  return `${formatCount(quota)} of ${formatCount(bundleSize)} left (${formatPercent(quota, bundleSize)})`;
}
