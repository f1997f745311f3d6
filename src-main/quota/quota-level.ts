// Where a quota stands against its bundle's thresholds. The fractions come from the docs (shared in
// bundles.ts); the re-arm margin is ours: a quota must climb this far above a line before crossing
// it again counts as a new crossing, so a value flickering around the line alerts once.

import type { QuotaLevel } from '../common/bridge-contract';
import { quotaThresholds } from '../common/bundles';

/** Fractions of the bundle size. */
export interface QuotaThresholds {
  /** Below this fraction the quota is low (docs: 10%). */
  low: number;
  /** Below this fraction the quota is critical (docs: 1%, where auto-renewal kicks in). */
  critical: number;
  /** How far above a line (fraction of the bundle size) the quota must climb to re-arm its alert. */
  rearmMargin: number;
}

export const defaultQuotaThresholds: Readonly<QuotaThresholds> = {
  low: quotaThresholds.low,
  critical: quotaThresholds.critical,
  rearmMargin: 0.02,
};

/** The levels that raise an alert, least severe first. */
export const alertLevels = ['low', 'critical', 'exhausted'] as const;
export type AlertLevel = (typeof alertLevels)[number];
export type DataLevel = Extract<QuotaLevel, 'ok' | AlertLevel>;

/**
 * The quota value a level starts below (exhausted: at or below 0). Crossing `line(level)` downward
 * means `quota < line`, except exhausted, which is `quota <= 0`.
 */
export function thresholdLine(level: AlertLevel, bundleSize: number, t: QuotaThresholds): number {
  if (level === 'low') return t.low * bundleSize;
  if (level === 'critical') return t.critical * bundleSize;
  return 0;
}

export function isBelow(
  level: AlertLevel,
  quota: number,
  bundleSize: number,
  t: QuotaThresholds,
): boolean {
  return level === 'exhausted' ? quota <= 0 : quota < thresholdLine(level, bundleSize, t);
}

/** True once the quota is far enough above the line that a new downward crossing should alert. */
export function isRearmed(
  level: AlertLevel,
  quota: number,
  bundleSize: number,
  t: QuotaThresholds,
): boolean {
  return quota > thresholdLine(level, bundleSize, t) + t.rearmMargin * bundleSize;
}

/** The most severe level the quota is in. Without a known bundle size only "exhausted" is knowable. */
export function quotaLevelOf(
  quota: number,
  bundleSize: number | undefined,
  t: QuotaThresholds,
): DataLevel {
  if (quota <= 0) return 'exhausted';
  if (bundleSize === undefined) return 'ok';
  for (const level of ['critical', 'low'] as const) {
    if (isBelow(level, quota, bundleSize, t)) return level;
  }
  return 'ok';
}

/** The next line below the current quota, i.e. the next crossing if use continues, or undefined at 0. */
export function nextLineBelow(
  quota: number,
  bundleSize: number | undefined,
  t: QuotaThresholds,
): number | undefined {
  if (quota <= 0) return undefined;
  if (bundleSize === undefined) return 0;
  for (const level of alertLevels) {
    const line = thresholdLine(level, bundleSize, t);
    if (!isBelow(level, quota, bundleSize, t)) return line;
  }
  return 0;
}
