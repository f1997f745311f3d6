import { describe, expect, it } from 'vitest';
import { nextPollDelay } from '../../../src-main/quota/poll-schedule';

const base = { intervalSeconds: 60, consecutiveFailures: 0, now: 0, random: () => 0 };

describe('poll schedule', () => {
  it('polls at the interval, clamped to 15 s to 15 min, with upward jitter', () => {
    expect(nextPollDelay(base)).toBe(60_000);
    expect(nextPollDelay({ ...base, random: () => 0.999 })).toBeLessThanOrEqual(66_000);
    expect(nextPollDelay({ ...base, intervalSeconds: 1 })).toBe(15_000);
    expect(nextPollDelay({ ...base, intervalSeconds: 99_999 })).toBe(900_000);
  });

  it('polls every 10 s when a threshold is forecast within 10 minutes', () => {
    expect(nextPollDelay({ ...base, msUntilNextCrossing: 9 * 60_000 })).toBe(10_000);
    expect(nextPollDelay({ ...base, msUntilNextCrossing: 11 * 60_000 })).toBe(60_000);
  });

  it('backs off exponentially after failures, up to 15 minutes, and honours retry-at', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((n) =>
      nextPollDelay({ ...base, consecutiveFailures: n }),
    );
    expect(delays).toEqual([120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
    expect(nextPollDelay({ ...base, consecutiveFailures: 1, retryAt: 300_000 })).toBe(300_000);
    expect(nextPollDelay({ ...base, intervalSeconds: 900, consecutiveFailures: 3 })).toBe(900_000);
  });
});
