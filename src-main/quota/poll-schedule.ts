// How long until the next poll. Pure, so each rule is tested without timers:
// - the person's interval (15 s to 15 min, default 60 s);
// - every 10 s while the forecast puts the next threshold within 10 minutes, so the alert comes
//   within seconds of the crossing rather than up to a minute later;
// - after failures, doubling from the interval up to 15 minutes, and no sooner than a server's
//   "retry at";
// - jitter only upward, so the interval stays a minimum and many desktops do not poll in step.

export const pollLimits = {
  minIntervalMs: 15_000,
  maxIntervalMs: 15 * 60_000,
  defaultIntervalMs: 60_000,
  fastIntervalMs: 10_000,
  fastWhenCrossingWithinMs: 10 * 60_000,
  maxBackoffMs: 15 * 60_000,
  jitter: 0.1,
} as const;

export interface ScheduleInput {
  intervalSeconds: number;
  consecutiveFailures: number;
  /** Forecast time until the quota falls below the next threshold, when known. */
  msUntilNextCrossing?: number;
  /** A refusal's "try again at" (epoch ms), e.g. after rate limiting. */
  retryAt?: number;
  now: number;
  random: () => number;
}

export function clampIntervalMs(intervalSeconds: number): number {
  if (!Number.isFinite(intervalSeconds)) return pollLimits.defaultIntervalMs;
  return Math.min(
    pollLimits.maxIntervalMs,
    Math.max(pollLimits.minIntervalMs, intervalSeconds * 1000),
  );
}

/** The backoff after `failures` failures in a row (failures ≥ 1). */
export function backoffMs(intervalMs: number, failures: number): number {
  const cap = Math.max(pollLimits.maxBackoffMs, intervalMs);
  return Math.min(cap, intervalMs * 2 ** Math.min(failures, 20));
}

export function nextPollDelay(input: ScheduleInput): number {
  const interval = clampIntervalMs(input.intervalSeconds);
  let base: number;
  if (input.consecutiveFailures > 0) {
    base = backoffMs(interval, input.consecutiveFailures);
    if (input.retryAt !== undefined) base = Math.max(base, input.retryAt - input.now);
  } else if (
    input.msUntilNextCrossing !== undefined &&
    input.msUntilNextCrossing <= pollLimits.fastWhenCrossingWithinMs
  ) {
    base = Math.min(interval, pollLimits.fastIntervalMs);
  } else {
    base = interval;
  }
  return Math.round(base * (1 + pollLimits.jitter * input.random()));
}
