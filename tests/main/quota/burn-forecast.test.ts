import { describe, expect, it } from 'vitest';
import type { QuotaSample } from '../../../src-main/common/bridge-contract';
import { describeDuration } from '../../../src-main/common/duration-words';
import { burnRate, forecast } from '../../../src-main/quota/burn-forecast';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Samples every minute from `from` for `count` minutes, quota given by f(minute index). */
function series(
  from: number,
  count: number,
  f: (i: number) => number,
  bundle = 'DEVELOPER',
): QuotaSample[] {
  return Array.from({ length: count }, (_, i) => ({ at: from + i * minute, quota: f(i), bundle }));
}

describe('burn-rate forecast', () => {
  it('gives no forecast with too little data', () => {
    expect(forecast([], 50_000, 0).text).toBe('');
    const few = series(0, 5, (i) => 50_000 - i * 10);
    expect(forecast(few, 49_960, 4 * minute).text).toBe('');
  });

  it('forecasts minutes, hours and days', () => {
    const fast = series(0, 30, (i) => 10_000 - i * 100); // 6,000/h
    expect(forecast(fast, 4_000, 29 * minute).text).toBe('runs out in ~40 minutes');
    const steady = series(0, 60, (i) => 60_000 - i * 10); // 600/h
    const f = forecast(steady, 43_200, 59 * minute);
    expect(f.text).toBe('runs out in ~3 days');
    expect(f.runsOutAt).toBe(59 * minute + 72 * hour);
    expect(f.rates.lastHour).toBeCloseTo(600);
  });

  it('says "not at this rate" when nothing is used', () => {
    const flat = series(0, 60, () => 50_000);
    expect(forecast(flat, 50_000, 59 * minute).text).toBe('not at this rate');
  });

  it('does not count a refill, renewal or plan change as negative use', () => {
    const before = series(0, 30, (i) => 1_000 - i * 10);
    const after = series(30 * minute, 30, (i) => 100_700 - i * 10);
    expect(burnRate([...before, ...after], 59 * minute, hour)).toBeCloseTo((58 * 10 * 60) / 59);
    const plan = [
      ...series(0, 30, (i) => 1_000 - i * 10, 'STARTER'),
      ...series(30 * minute, 30, (i) => 100_000 - i * 10),
    ];
    expect(burnRate(plan, 59 * minute, hour)).toBeCloseTo((58 * 10 * 60) / 59);
  });

  it('uses the faster of the last hour and the last day', () => {
    const busyDay = series(0, 23 * 60, (i) => 100_000 - i * 50); // 3,000/h for 23 h
    const last = busyDay.at(-1)!.quota;
    const quietHour = series(23 * 60 * minute, 60, () => last);
    const f = forecast([...busyDay, ...quietHour], last, day - minute);
    expect(f.rates.lastHour).toBe(0);
    expect(f.rates.lastDay).toBeGreaterThan(2_800);
    expect(f.text).toMatch(/^runs out in ~\d+ hours?$/);
  });

  it('words durations roughly', () => {
    expect(describeDuration(30_000)).toBe('less than a minute');
    expect(describeDuration(minute)).toBe('~1 minute');
    expect(describeDuration(2 * hour)).toBe('~2 hours');
    expect(describeDuration(1.5 * day)).toBe('~2 days');
  });
});
