// The pace line: how fast the quota is being used and when it runs out at that pace. Use is the sum
// of the drops between consecutive samples of the same bundle; a rise (refill, renewal) or a bundle
// change (plan change) is not use, so it neither counts as negative use nor hides the use around it.

import type { QuotaSample } from '../common/bridge-contract';
import { describeDuration } from '../common/duration-words';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** A window's rate is only trusted once its samples span this share of the window. */
const minCoverage = 1 / 6;
/** Beyond this, "runs out in ~400 days" is noise: say it does not run out at this rate. */
const horizon = 365 * day;

export interface BurnRates {
  /** Invocations per hour over the last hour, when at least 10 minutes of it is covered. */
  lastHour?: number;
  /** Invocations per hour over the last day, when at least 4 hours of it are covered. */
  lastDay?: number;
}

export interface Forecast {
  rates: BurnRates;
  /** The rate the forecast uses, per hour. */
  ratePerHour?: number;
  runsOutAt?: number;
  /** "runs out in ~3 days", "not at this rate", or "" when there is too little data. */
  text: string;
}

/** Invocations used per hour within [now - windowMs, now], or undefined with too little data. */
export function burnRate(
  samples: readonly QuotaSample[],
  now: number,
  windowMs: number,
): number | undefined {
  let first: QuotaSample | undefined;
  let previous: QuotaSample | undefined;
  let used = 0;
  for (const sample of samples) {
    if (sample.at < now - windowMs || sample.at > now) continue;
    first ??= sample;
    if (previous && previous.bundle === sample.bundle && sample.quota < previous.quota) {
      used += previous.quota - sample.quota;
    }
    previous = sample;
  }
  if (!first || !previous) return undefined;
  const span = previous.at - first.at;
  if (span < windowMs * minCoverage) return undefined;
  return (used / span) * hour;
}

export function burnRates(samples: readonly QuotaSample[], now: number): BurnRates {
  const rates: BurnRates = {};
  const lastHour = burnRate(samples, now, hour);
  const lastDay = burnRate(samples, now, day);
  if (lastHour !== undefined) rates.lastHour = lastHour;
  if (lastDay !== undefined) rates.lastDay = lastDay;
  return rates;
}

/**
 * The forecast from the current quota. It uses the faster of the two rates: a quiet last hour after
 * a busy day should not say "not at this rate" while the day's pace runs the quota out, and a
 * sudden burst should show at once. Erring early is the point of a warning.
 */
export function forecast(samples: readonly QuotaSample[], quota: number, now: number): Forecast {
  const rates = burnRates(samples, now);
  const known = [rates.lastHour, rates.lastDay].filter((r): r is number => r !== undefined);
  if (known.length === 0 || quota <= 0) return { rates, text: '' };
  const ratePerHour = Math.max(...known);
  const result: Forecast = { rates, ratePerHour, text: 'not at this rate' };
  if (ratePerHour <= 0) return result;
  const msLeft = (quota / ratePerHour) * hour;
  if (msLeft > horizon) return result;
  result.runsOutAt = now + msLeft;
  result.text = `runs out in ${describeDuration(msLeft)}`;
  return result;
}

/** Milliseconds until the quota falls below `line` at `ratePerHour`, or undefined if it does not. */
export function msUntilBelow(
  quota: number,
  line: number,
  ratePerHour: number | undefined,
): number | undefined {
  if (ratePerHour === undefined || ratePerHour <= 0) return undefined;
  return (Math.max(0, quota - line) / ratePerHour) * hour;
}
