// Number and percentage wording shared by the summary line and the alert texts, in en-US grouping
// as the tray line is specified ("8,200 of 100,000 left (8%)").

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return grouping.format(n);
}

/** 0..100 with one decimal, as QuotaStatus.percentLeft carries it. */
export function percentLeft(quota: number, bundleSize: number): number {
  return Math.round((quota / bundleSize) * 1000) / 10;
}

/**
 * A whole percentage for a label. Rounded down so 9.9% reads "9%" while the state says low, and a
 * quota above 0 but below 1% reads "<1%" rather than a misleading "0%".
 */
export function formatPercent(quota: number, bundleSize: number): string {
  const exact = (quota / bundleSize) * 100;
  if (quota > 0 && exact < 1) return '<1%';
  return `${Math.floor(exact)}%`;
}

/** "8,200 of 100,000 left (8%)", or "8,200 left" when the bundle's size is unknown. */
export function describeLeft(quota: number, bundleSize: number | undefined): string {
  if (bundleSize === undefined) return `${formatCount(quota)} left`;
  return `${formatCount(quota)} of ${formatCount(bundleSize)} left (${formatPercent(quota, bundleSize)})`;
}
