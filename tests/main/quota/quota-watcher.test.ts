// The watcher against the real sandbox over HTTP, with a controlled clock: time only moves when the
// test advances it, and each poll the clock fires is a real GET /v1/user.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openQuotaSandbox, type QuotaSandbox } from '../../helpers/quota-sandbox';

const minute = 60_000;
let q: QuotaSandbox;

beforeEach(async () => {
  q = await openQuotaSandbox();
});
afterEach(async () => {
  await q.close();
});

const noAutoRenewal = { bundleAutoRenewal: false, lowQuotaNotification: true };

describe('quota watcher alerts (sandbox)', () => {
  it('sends exactly one low, one critical and one exhausted alert on the way down', async () => {
    await q.setFlags(noAutoRenewal);
    const { watcher, settle } = q.watcher();
    watcher.start();
    await settle();
    expect(watcher.status()).toMatchObject({ level: 'ok', quota: 100_000, bundle: 'DEVELOPER' });
    let quota = 100_000;
    while (quota > 0) {
      // 900 a minute: small enough steps that every band (including 0-1%) is seen on the way.
      quota = await q.consume(900);
      await q.clock.advance(minute, settle);
    }
    expect(q.notifier.kinds()).toEqual(['low', 'critical', 'exhausted']);
    expect(q.notifier.alerts.every((a) => a.action === 'buy-refill')).toBe(true);
    expect(watcher.status()).toMatchObject({ level: 'exhausted', quota: 0, percentLeft: 0 });
    expect(watcher.status().summary).toBe('GreenCloud: DEVELOPER, 0 of 100,000 left (0%)');
  }, 60_000);

  it('sends only the most severe alert on a jump, and the summary/forecast follow', async () => {
    await q.setFlags(noAutoRenewal);
    const { watcher, settle } = q.watcher();
    watcher.start();
    await settle();
    await q.setQuota(500);
    await watcher.refreshNow();
    expect(q.notifier.kinds()).toEqual(['critical']);
    expect(q.notifier.alerts[0]?.body).toMatch(/buy a refill/i);
    await q.setQuota(0);
    await watcher.refreshNow();
    expect(q.notifier.kinds()).toEqual(['critical', 'exhausted']);
  });

  it('sends none with lowQuotaNotification off, with notifications off, or muted', async () => {
    await q.setFlags({ bundleAutoRenewal: false, lowQuotaNotification: false });
    const { watcher: flagOff } = q.watcher();
    await q.setQuota(5_000);
    await flagOff.refreshNow();
    expect(flagOff.status().level).toBe('low');
    flagOff.stop();

    await q.setFlags(noAutoRenewal);
    q.settings.notificationsEnabled = false;
    const { watcher: settingOff } = q.watcher({ accountKey: 'second' });
    await settingOff.refreshNow();
    settingOff.stop();
    q.settings.notificationsEnabled = true;

    const { watcher: muted } = q.watcher({ accountKey: 'third' });
    const status = muted.mute('off');
    expect(status.mutedForever).toBe(true);
    await muted.refreshNow();
    await q.setQuota(0);
    await muted.refreshNow();
    expect(q.notifier.kinds()).toEqual([]);
    // Unmuting does not replay crossings that happened while muted.
    muted.mute('unmute');
    await muted.refreshNow();
    expect(q.notifier.kinds()).toEqual([]);
  });

  it('repeats nothing after a restart (new watcher, same storage folder), mute included', async () => {
    await q.setFlags(noAutoRenewal);
    const first = q.watcher();
    await q.setQuota(9_000);
    await first.watcher.refreshNow();
    expect(q.notifier.kinds()).toEqual(['low']);
    const mutedAt = q.clock.now();
    first.watcher.mute('1h');
    first.watcher.stop();
    await first.settle();

    const second = q.watcher();
    await q.clock.advance(10 * minute);
    await second.watcher.refreshNow();
    expect(q.notifier.kinds()).toEqual(['low']);
    expect(second.watcher.status().mutedUntil).toBe(mutedAt + 60 * minute);
    second.watcher.mute('unmute');
    await q.setQuota(500);
    await q.clock.advance(10 * minute);
    await second.watcher.refreshNow();
    expect(q.notifier.kinds()).toEqual(['low', 'critical']);
    // The history came along too: one sample from before the restart, two after.
    expect(second.watcher.chartHistory().history24h.map((s) => s.quota)).toEqual([
      9_000, 9_000, 500,
    ]);
  });

  it('re-arms after Buy: renewed notice, then a new low alert on the next crossing', async () => {
    await q.setFlags(noAutoRenewal);
    const { watcher, settle } = q.watcher();
    await q.setQuota(9_000);
    await watcher.refreshNow();
    await q.client.buyRefill();
    watcher.observeAccount(await q.client.getAccount());
    await settle();
    expect(watcher.status()).toMatchObject({ level: 'ok', quota: 109_000 });
    expect(q.notifier.kinds()).toEqual(['low', 'renewed']);
    expect(q.notifier.alerts[1]?.action).toBe('none');
    await q.consume(100_000);
    await watcher.refreshNow();
    expect(q.notifier.kinds()).toEqual(['low', 'renewed', 'low']);
  });

  it('gives at most one alert for a quota flickering around 10% over 1,000 polls', async () => {
    await q.setFlags(noAutoRenewal);
    const { watcher } = q.watcher();
    for (let i = 0; i < 1_000; i++) {
      await q.setQuota(i % 2 === 0 ? 9_990 : 10_010);
      await watcher.refreshNow();
      await q.clock.advance(minute);
    }
    expect(q.notifier.kinds()).toEqual(['low']);
  }, 60_000);

  it('sends the renewal notice only after an alert, and the critical alert expects the renewal', async () => {
    // Auto-renewal on (the seed): the server renews below 1%.
    const { watcher } = q.watcher();
    await watcher.refreshNow();
    await q.consume(99_500); // renewed by the server before any poll saw it low
    await watcher.refreshNow();
    expect(watcher.status().quota).toBe(100_500);
    expect(q.notifier.kinds()).toEqual([]);

    await q.setQuota(900); // below 1% without passing through the server's renewal
    await watcher.refreshNow();
    expect(q.notifier.kinds()).toEqual(['critical']);
    expect(q.notifier.alerts[0]?.body).toMatch(/auto-renewal is on/i);
    await q.consume(1); // the server's rule renews now
    await watcher.refreshNow();
    expect(q.notifier.kinds()).toEqual(['critical', 'renewed']);
  });
});

describe('quota watcher polling (sandbox)', () => {
  it('backs off under faults, keeps the last good data as stale, and recovers', async () => {
    const { watcher, settle } = q.watcher();
    watcher.start();
    await settle();
    expect(q.clock.requestedDelays).toEqual([60_000]);
    await q.sandbox.fault({ mode: 'status', status: 503, count: 3, path: '/v1/user' });
    await q.clock.fireNext(settle);
    const stale = watcher.status();
    expect(stale).toMatchObject({ level: 'stale', quota: 100_000, bundle: 'DEVELOPER' });
    expect(stale.summary).toBe('GreenCloud: DEVELOPER, 100,000 of 100,000 left (100%)');
    expect(watcher.lastError()?.kind).toBe('server');
    await q.clock.fireNext(settle);
    await q.clock.fireNext(settle);
    await q.clock.fireNext(settle); // the fault is spent: this one succeeds
    expect(q.clock.requestedDelays).toEqual([60_000, 120_000, 240_000, 480_000, 60_000]);
    expect(watcher.status().level).toBe('ok');
    expect(await q.polls()).toBe(5);
  });

  it('retries at once when back online, and a malformed reply counts as a failure', async () => {
    const { watcher, settle } = q.watcher();
    watcher.start();
    await settle();
    await q.sandbox.fault({ mode: 'malformed', count: 1, path: '/v1/user' });
    await q.clock.fireNext(settle);
    expect(watcher.status().level).toBe('stale');
    watcher.online();
    await settle();
    expect(watcher.status().level).toBe('ok');
    watcher.online(); // not in backoff: no extra poll
    await settle();
    expect(await q.polls()).toBe(3);
  });

  it('caps the backoff at 15 minutes', async () => {
    const { watcher, settle } = q.watcher();
    await q.sandbox.fault({ mode: 'reset', count: 8, path: '/v1/user' });
    watcher.start();
    await settle();
    for (let i = 0; i < 7; i++) await q.clock.fireNext(settle);
    expect(q.clock.requestedDelays.slice(-4)).toEqual([900_000, 900_000, 900_000, 900_000]);
    expect(watcher.status()).toMatchObject({
      level: 'stale',
      summary: 'GreenCloud: quota unavailable',
    });
    expect(watcher.lastError()?.kind).toBe('offline');
  });

  it('pauses in suspend, polls at once on resume, and never again after stop', async () => {
    const { watcher, settle } = q.watcher();
    watcher.start();
    await settle();
    watcher.suspend();
    expect(q.clock.pendingTimers()).toBe(0);
    await q.clock.advance(60 * minute, settle);
    expect(await q.polls()).toBe(1);
    watcher.resume();
    await settle();
    expect(await q.polls()).toBe(2);
    watcher.stop();
    expect(q.clock.pendingTimers()).toBe(0);
    await q.clock.advance(60 * minute, settle);
    await watcher.refreshNow();
    expect(await q.polls()).toBe(2);
    expect(watcher.status().level).toBe('signed-out');
  });

  it('polls every 10 s when a crossing is forecast within 10 minutes and alerts within one fast poll', async () => {
    await q.setFlags(noAutoRenewal);
    const { watcher, settle } = q.watcher();
    await q.setQuota(30_000);
    watcher.start();
    await settle();
    // Burn 1,000 a minute in 10-second steps: the low line (10,000) is 20 minutes away.
    let crossedAt: number | undefined;
    for (let step = 0; step < 6 * 25 && !q.notifier.alerts.length; step++) {
      const quota = await q.consume(167);
      if (quota < 10_000) crossedAt ??= q.clock.now();
      await q.clock.advance(10_000, settle);
    }
    expect(q.notifier.kinds()).toEqual(['low']);
    expect(q.notifier.alerts[0]!.at - crossedAt!).toBeLessThanOrEqual(10_000);
    expect(q.clock.requestedDelays).toContain(10_000);
    expect(watcher.status().forecastText).toMatch(/^runs out in ~\d+ minutes$/);
    expect(watcher.status().burnPerHour?.lastHour).toBeGreaterThan(50_000);
  });

  it('drops a poll that started before an account observed after it (no phantom use)', async () => {
    await q.setFlags(noAutoRenewal);
    const { watcher, settle } = q.watcher();
    await q.setQuota(9_000);
    await watcher.refreshNow();
    await q.clock.advance(10 * minute);
    await q.sandbox.fault({ mode: 'latency', ms: 300, count: 1, path: '/v1/user' });
    const slowPoll = watcher.refreshNow(); // will read 9,000
    await new Promise((resolve) => setTimeout(resolve, 50));
    await q.client.buyRefill();
    watcher.observeAccount({ ...(await q.client.getAccount()) });
    await slowPoll;
    await settle();
    expect(watcher.status().quota).toBe(109_000);
    expect(watcher.chartHistory().history24h.map((s) => s.quota)).toEqual([9_000, 109_000]);
  });
});
