// The transport's one shared deadline timer, on Node's real timers: each deadline fires once, at
// its own time (a short one added after a long one is not held up by it), and a cancelled one
// never fires.

import { describe, expect, it } from 'vitest';
import { ExchangeDeadlines } from '../../../src-main/api/exchange-deadlines';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ExchangeDeadlines', () => {
  it('fires each pending deadline once at its time and never a cancelled one', async () => {
    const deadlines = new ExchangeDeadlines();
    const started = performance.now();
    const fired: Record<string, number> = {};
    const mark = (name: string) => () => {
      expect(fired[name]).toBeUndefined();
      fired[name] = performance.now() - started;
    };
    deadlines.start(400, mark('long'));
    deadlines.start(60, mark('short'));
    const cancel = deadlines.start(30, mark('cancelled'));
    cancel();
    deadlines.start(60, mark('same time'));
    await sleep(150);
    expect(Object.keys(fired).sort()).toEqual(['same time', 'short']);
    expect(fired.short).toBeGreaterThanOrEqual(55);
    expect(fired.short).toBeLessThan(150);
    await sleep(400);
    expect(Object.keys(fired).sort()).toEqual(['long', 'same time', 'short']);
    expect(fired.long).toBeGreaterThanOrEqual(395);
  });

  it('keeps firing for deadlines started after the timer last woke', async () => {
    const deadlines = new ExchangeDeadlines();
    let count = 0;
    deadlines.start(20, () => (count += 1));
    await sleep(60);
    deadlines.start(20, () => (count += 1));
    await sleep(60);
    expect(count).toBe(2);
  });
});
