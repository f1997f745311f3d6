import { describe, expect, it } from 'vitest';
import { chartPoints, QuotaHistory, storedHistory } from '../../../src-main/quota/quota-history';

const minute = 60_000;
const day = 24 * 60 * minute;

describe('quota history', () => {
  it('stays under 1 MB after a simulated year of polling every 60 s', () => {
    const history = new QuotaHistory();
    const start = Date.UTC(2025, 0, 1);
    let quota = 100_000;
    for (let t = 0; t < 365 * day; t += minute) {
      quota = quota <= 100 ? quota + 100_000 : quota - 7; // steady use, a refill when nearly out
      history.append({ at: start + t, quota, bundle: 'DEVELOPER' });
    }
    const stored = history.toStored();
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    expect(bytes).toBeLessThan(1_000_000);
    const samples = history.samples();
    const now = samples.at(-1)!.at;
    // Full resolution for the last day, and the last 30 days still charted.
    expect(history.since(now - day + minute).length).toBeGreaterThanOrEqual(24 * 60 - 1);
    expect(samples[0]!.at).toBeLessThan(now - 300 * day);
    expect(chartPoints(samples, now, 30 * day).length).toBeGreaterThan(150);
    expect(storedHistory.safeParse(stored).success).toBe(true);
  }, 60_000);

  it('enforces the byte bound even when thinning is not enough', () => {
    const history = new QuotaHistory(10_000);
    for (let i = 0; i < 2_000; i++)
      history.append({ at: i * 1_000, quota: 100_000 - i, bundle: 'DEVELOPER' });
    const stored = history.toStored();
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThanOrEqual(10_000);
    expect(stored.samples.at(-1)?.[0]).toBe(1_999_000);
    expect(history.samples().length).toBe(stored.samples.length);
  });

  it('keeps the longest run of newest samples that fits the bound, byte for byte', () => {
    const samples = Array.from({ length: 300 }, (_, i) => ({
      at: 1_700_000_000_000 + i * 61_001,
      quota: i % 7 === 0 ? 0 : i % 11 === 0 ? 0.5 + i : 1_000_000 - i * 3_337,
      bundle: i < 150 ? 'STARTER' : 'ENTERPRISE',
    }));
    const json = (list: typeof samples) =>
      JSON.stringify({ version: 1, samples: list.map((s) => [s.at, s.quota, s.bundle]) });
    for (const maxBytes of [30, 500, 4_321, 9_999, 10_000, 1_000_000]) {
      const history = new QuotaHistory(maxBytes);
      for (const sample of samples) history.append(sample);
      const stored = history.toStored();
      // The longest suffix whose JSON fits, found the slow way.
      let fits = samples.length;
      while (fits > 0 && Buffer.byteLength(json(samples.slice(-fits))) > maxBytes) fits -= 1;
      expect(stored.samples.length, `bound ${maxBytes}`).toBe(fits);
      expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThanOrEqual(Math.max(maxBytes, 26));
      expect(history.samples().length).toBe(fits);
    }
  });

  it('round-trips through its stored form', () => {
    const history = new QuotaHistory();
    history.append({ at: 1, quota: 10, bundle: 'STARTER' });
    history.append({ at: 2, quota: 9, bundle: 'STARTER' });
    history.append({ at: 0, quota: 11, bundle: 'STARTER' }); // older than the newest: dropped
    const back = QuotaHistory.fromStored(history.toStored());
    expect(back.samples()).toEqual([
      { at: 1, quota: 10, bundle: 'STARTER' },
      { at: 2, quota: 9, bundle: 'STARTER' },
    ]);
  });

  it('downsamples a chart to at most 200 points ending at the newest sample', () => {
    const samples = Array.from({ length: 1_440 }, (_, i) => ({
      at: i * minute,
      quota: 1_440 - i,
      bundle: 'DEVELOPER',
    }));
    const points = chartPoints(samples, 1_439 * minute, day);
    expect(points.length).toBeLessThanOrEqual(200);
    expect(points.at(-1)).toEqual(samples.at(-1));
  });
});
