// A clock the test moves by hand: advancing it fires due timers in time order, each at its own due
// time, so a watcher's whole schedule (intervals, backoff, fast polling) runs without real sleeping.
// Anything async a timer starts (a poll over HTTP) is awaited through `settle` before time moves on.

import type { WatcherClock } from '../../src-main/quota/quota-watcher';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export class ControlledClock implements WatcherClock {
  private current: number;
  private timers: Timer[] = [];
  private nextId = 1;
  /** Delays passed to setTimer, in order: what the watcher asked for. */
  readonly requestedDelays: number[] = [];

  constructor(start = Date.UTC(2025, 0, 15, 12, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, ms: number): unknown {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, ms), fn };
    this.timers.push(timer);
    this.requestedDelays.push(ms);
    return timer.id;
  }

  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  /** When the next timer is due, or undefined when none is set. */
  nextTimerAt(): number | undefined {
    return this.timers.reduce<number | undefined>(
      (min, t) => (min === undefined || t.at < min ? t.at : min),
      undefined,
    );
  }

  /**
   * Moves time forward by `ms`, firing each due timer at its due time; after each, awaits `settle`
   * (e.g. the watcher's settled()) so the poll it started finishes before time moves on.
   * Returns how many timers fired.
   */
  async advance(
    ms: number,
    settle: () => Promise<unknown> = async () => undefined,
  ): Promise<number> {
    const target = this.current + ms;
    let fired = 0;
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= target)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
      fired++;
      await settle();
    }
    this.current = target;
    return fired;
  }

  /** Fires the next timer, whenever it is due, and settles. */
  async fireNext(settle: () => Promise<unknown> = async () => undefined): Promise<number> {
    const at = this.nextTimerAt();
    if (at === undefined) return 0;
    return this.advance(at - this.current, settle);
  }
}
