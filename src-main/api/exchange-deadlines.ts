// One timer for every exchange in flight, instead of a setTimeout and a clearTimeout per request.
// Node keeps one timer list per duration and drops it when it empties, so with one request at a
// time (every poll) each request built a list, re-armed libuv's timer and tore both down again:
// measurable against a kept-alive request of a quarter of a millisecond. Here an exchange registers
// its deadline and cancels it when it settles (a Set delete); the one timer wakes at the earliest
// deadline still pending, fires what is due, and sleeps until the next. Unref'd: an exchange in
// flight keeps the process alive through its socket, never through this timer.

interface Deadline {
  at: number;
  expire: () => void;
}

export class ExchangeDeadlines {
  readonly #pending = new Set<Deadline>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #armedAt = Infinity;

  /** Calls `expire` after `ms` unless the returned cancel is called first. */
  start(ms: number, expire: () => void): () => void {
    const deadline = { at: performance.now() + ms, expire };
    this.#pending.add(deadline);
    if (deadline.at < this.#armedAt) this.#arm(deadline.at);
    return () => {
      this.#pending.delete(deadline);
    };
  }

  #arm(at: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#armedAt = at;
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, at - performance.now()));
    this.#timer.unref();
  }

  #fire(): void {
    this.#timer = undefined;
    this.#armedAt = Infinity;
    const now = performance.now();
    const due: Deadline[] = [];
    let next = Infinity;
    for (const deadline of this.#pending) {
      if (deadline.at <= now) due.push(deadline);
      else next = Math.min(next, deadline.at);
    }
    for (const deadline of due) this.#pending.delete(deadline);
    if (next !== Infinity) this.#arm(next);
    for (const deadline of due) deadline.expire();
  }
}
