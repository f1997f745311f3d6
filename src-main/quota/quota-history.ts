// The local record of quota over time: one sample per poll, kept small. Recent samples are kept at
// full resolution because the burn rate is computed from the last day; older ones are thinned to
// one per bucket, which is all a 30-day chart needs. A hard byte bound backs the thinning up.

import { z } from 'zod';
import type { QuotaSample } from '../common/bridge-contract';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Age → bucket width. Samples younger than the first age are all kept. */
const tiers: ReadonlyArray<{ olderThan: number; bucket: number }> = [
  { olderThan: day, bucket: 5 * minute },
  { olderThan: 7 * day, bucket: hour },
  { olderThan: 30 * day, bucket: day },
];
/** Beyond this age samples are dropped: nothing shows more than 30 days, a year is plenty of context. */
const maxAge = 400 * day;
/** Thinning walks all samples, so it runs at most this often (in sample time), not on every poll. */
const thinEvery = hour;

export const defaultHistoryMaxBytes = 1_000_000;

// Stored as [at, quota, bundle] tuples: a third of the size of objects with field names.
export const storedHistory = z.object({
  version: z.literal(1),
  samples: z.array(z.tuple([z.number(), z.number(), z.string()])),
});
export type StoredHistory = z.infer<typeof storedHistory>;

export class QuotaHistory {
  private list: QuotaSample[] = [];
  private lastThinAt = -Infinity;

  constructor(private readonly maxBytes = defaultHistoryMaxBytes) {}

  static fromStored(stored: StoredHistory, maxBytes = defaultHistoryMaxBytes): QuotaHistory {
    const history = new QuotaHistory(maxBytes);
    history.list = stored.samples
      .map(([at, quota, bundle]) => ({ at, quota, bundle }))
      .sort((a, b) => a.at - b.at);
    return history;
  }

  /** Appends a sample; one that is older than the newest (a clock step back) is dropped. */
  append(sample: QuotaSample): void {
    const last = this.list.at(-1);
    if (last && sample.at < last.at) return;
    this.list.push({ ...sample });
    if (sample.at - this.lastThinAt >= thinEvery) this.thin(sample.at);
  }

  samples(): readonly QuotaSample[] {
    return this.list;
  }

  /** Samples at or after `since`. Binary search: the list is sorted by time. */
  since(since: number): QuotaSample[] {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid]!.at < since) lo = mid + 1;
      else hi = mid;
    }
    return this.list.slice(lo);
  }

  /**
   * Thins by age tier: within each bucket only the newest sample stays. Buckets are aligned to
   * absolute time, so thinning twice gives the same result as thinning once.
   */
  thin(now: number): void {
    this.lastThinAt = now;
    const kept: QuotaSample[] = [];
    let lastTier: (typeof tiers)[number] | undefined;
    let lastBucket = NaN;
    // Walk newest to oldest so "newest in bucket" is the first one seen.
    for (let i = this.list.length - 1; i >= 0; i--) {
      const sample = this.list[i]!;
      const age = now - sample.at;
      if (age > maxAge) break;
      const tier = tiers.findLast((t) => age > t.olderThan);
      if (!tier) {
        kept.push(sample);
        continue;
      }
      const bucket = Math.floor(sample.at / tier.bucket);
      if (tier !== lastTier || bucket !== lastBucket) kept.push(sample);
      lastTier = tier;
      lastBucket = bucket;
    }
    this.list = kept.reverse();
  }

  /**
   * The stored form, guaranteed within the byte bound: the oldest samples go first if needed. The
   * size is counted sample by sample rather than by serialising the whole list (the storage
   * serialises it once more to write it): this runs every few minutes for weeks, on ~3,000 samples.
   */
  toStored(): StoredHistory {
    const samples = this.list.map((s): [number, number, string] => [s.at, s.quota, s.bundle]);
    const sizes = samples.map(storedSampleBytes);
    // `{"version":1,"samples":[...]}` around the samples, and a comma between two of them.
    let bytes = emptyStoredBytes + sizes.reduce((sum, size) => sum + size, 0);
    bytes += Math.max(0, samples.length - 1);
    let drop = 0;
    while (bytes > this.maxBytes && drop < samples.length) {
      bytes -= sizes[drop]! + (drop < samples.length - 1 ? 1 : 0);
      drop += 1;
    }
    if (drop > 0) this.list = this.list.slice(drop);
    return { version: 1, samples: drop > 0 ? samples.slice(drop) : samples };
  }
}

const emptyStoredBytes = Buffer.byteLength(JSON.stringify({ version: 1, samples: [] }));

/** The bytes of `[at,quota,"bundle"]` in JSON, without building the string. */
function storedSampleBytes([at, quota, bundle]: [number, number, string]): number {
  return 4 + jsonNumberLength(at) + jsonNumberLength(quota) + jsonStringBytes(bundle);
}

function jsonNumberLength(value: number): number {
  // Times and quotas are whole numbers: their digits are counted without making a string.
  if (Number.isSafeInteger(value)) {
    let digits = value < 0 ? 2 : 1;
    for (let rest = Math.abs(value); rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
    return digits;
  }
  // JSON writes any other finite number as String() does, and the rest as null.
  return Number.isFinite(value) ? String(value).length : 4;
}

// Bundle names are few and repeat in every sample: each is measured once.
const bundleBytes = new Map<string, number>();
function jsonStringBytes(text: string): number {
  let size = bundleBytes.get(text);
  if (size === undefined) {
    size = Buffer.byteLength(JSON.stringify(text));
    if (bundleBytes.size < 64) bundleBytes.set(text, size);
  }
  return size;
}

/**
 * At most `maxPoints` samples covering [now - windowMs, now] for a chart: the newest sample of each
 * equal time slot, so the shape is kept and the current value is always the last point.
 */
export function chartPoints(
  samples: readonly QuotaSample[],
  now: number,
  windowMs: number,
  maxPoints = 200,
): QuotaSample[] {
  const from = now - windowMs;
  const slot = windowMs / maxPoints;
  const points: QuotaSample[] = [];
  let lastSlot: number | undefined;
  for (const sample of samples) {
    if (sample.at < from || sample.at > now) continue;
    const index = Math.min(maxPoints - 1, Math.floor((sample.at - from) / slot));
    if (index === lastSlot) points[points.length - 1] = sample;
    else points.push(sample);
    lastSlot = index;
  }
  return points.map((s) => ({ ...s }));
}
