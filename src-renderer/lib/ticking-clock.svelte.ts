// A clock the views can read reactively, ticking once a second while something counts down.
export class TickingClock {
  #now = $state(Date.now());

  get now(): number {
    return this.#now;
  }

  /** Starts ticking; returns the stop function (use it as an $effect's cleanup). */
  start(): () => void {
    this.#now = Date.now();
    const timer = setInterval(() => (this.#now = Date.now()), 1000);
    return () => clearInterval(timer);
  }
}

/** "23 h 59 min", "4 min 05 s", "12 s": how long until a moment, for a countdown. */
export function describeCountdown(untilMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}
