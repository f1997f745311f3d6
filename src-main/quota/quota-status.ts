// The QuotaStatus view model the tray, banner and Account view render (bridge-contract.ts), built
// from the watcher's last good account, its history and forecast, and the mute state.

import type { QuotaHistoryView, QuotaSample, QuotaStatus } from '../common/bridge-contract';
import { bundleSizeOf } from '../common/bundles';
import { msUntilBelow, type Forecast } from './burn-forecast';
import { chartPoints } from './quota-history';
import { describeLeft, formatPercent, percentLeft } from './quota-format';
import { quotaLevelOf, thresholdLine, type QuotaThresholds } from './quota-level';
import { isMuted, type MuteState } from './alert-mute';

const day = 24 * 60 * 60_000;
const chartMaxPoints = 200;

export function signedOutQuotaStatus(): QuotaStatus {
  return {
    level: 'signed-out',
    summary: 'GreenCloud: signed out',
    forecastText: '',
  };
}

/** The chart's points over the last day and the last 30 days. */
export function quotaHistoryView(samples: readonly QuotaSample[], now: number): QuotaHistoryView {
  return {
    history24h: chartPoints(samples, now, day, chartMaxPoints),
    history30d: chartPoints(samples, now, 30 * day, chartMaxPoints),
  };
}

/** "GreenCloud: DEVELOPER, 8,200 of 100,000 left (8%)". */
export function quotaSummary(
  bundle: string,
  quota: number,
  bundleSize: number | undefined,
): string {
  return `GreenCloud: ${bundle}, ${describeLeft(quota, bundleSize)}`;
}

export interface StatusInput {
  now: number;
  /** The last good bundle reading, if any poll ever succeeded (undefined bundle: the account has none). */
  lastGood?: { at: number; bundle?: { name: string; quota: number } };
  lastPollFailed: boolean;
  forecast?: Forecast;
  samples: readonly QuotaSample[];
  mute: MuteState;
  thresholds: QuotaThresholds;
}

export function buildQuotaStatus(input: StatusInput): QuotaStatus {
  const { now, lastGood } = input;
  const status: QuotaStatus = {
    level: 'stale',
    summary: 'GreenCloud: checking quota…',
    forecastText: '',
  };
  const newest = input.samples.at(-1);
  if (newest) status.historyAt = newest.at;
  if (input.mute.forever) status.mutedForever = true;
  else if (isMuted(input.mute, now)) status.mutedUntil = input.mute.until;

  if (!lastGood) {
    if (input.lastPollFailed) status.summary = 'GreenCloud: quota unavailable';
    return status;
  }
  status.lastGoodAt = lastGood.at;
  const bundle = lastGood.bundle;
  if (!bundle) {
    // Signed in but without a bundle yet: nothing to run out of, nothing to alert about.
    status.level = input.lastPollFailed ? 'stale' : 'ok';
    status.summary = 'GreenCloud: no bundle yet';
    return status;
  }
  const size = bundleSizeOf(bundle.name);
  const level = quotaLevelOf(bundle.quota, size, input.thresholds);
  // A failed poll never blanks the numbers: the level says stale, the figures stay.
  status.level = input.lastPollFailed ? 'stale' : level;
  status.dataLevel = level;
  status.bundle = bundle.name;
  status.quota = bundle.quota;
  status.leftText = describeLeft(bundle.quota, size);
  if (size !== undefined) {
    status.bundleSize = size;
    status.percentLeft = percentLeft(bundle.quota, size);
    status.percentText = formatPercent(bundle.quota, size);
  }
  status.summary = quotaSummary(bundle.name, bundle.quota, size);
  const forecast = input.forecast;
  if (forecast) {
    status.forecastText = forecast.text;
    if (forecast.runsOutAt !== undefined) status.runsOutAt = forecast.runsOutAt;
    // Auto-renewal (when on) kicks in below the critical line: the pace line says when.
    const toRenewal =
      size === undefined
        ? undefined
        : msUntilBelow(
            bundle.quota,
            thresholdLine('critical', size, input.thresholds),
            forecast.ratePerHour,
          );
    if (toRenewal !== undefined && forecast.runsOutAt !== undefined)
      status.renewsAt = now + toRenewal;
    if (forecast.rates.lastHour !== undefined || forecast.rates.lastDay !== undefined) {
      status.burnPerHour = { ...forecast.rates };
    }
  }
  return status;
}
