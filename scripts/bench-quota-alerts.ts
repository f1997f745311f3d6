// Benchmark (prints figures, asserts nothing): how soon after a threshold crossing the quota
// watcher alerts at default settings, and how often it polls while far from any threshold.
//
// A sandbox is started and its demo account burns quota at one steady rate, 1,000 invocations per
// simulated minute, from 100,000 to 0 (100 simulated minutes). Time is compressed: the watcher runs
// on a clock where one real second is `scale` simulated seconds, and its timers fire on that scale,
// so a 60 s poll interval takes 60/scale real seconds. Polls are real HTTP requests to the sandbox.
//
//   npx tsx scripts/bench-quota-alerts.ts            (about 75 s)

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GreenCloudClient } from '../src-main/api/greencloud-client';
import { bundleSizes, quotaThresholds } from '../src-main/common/bundles';
import { createFileQuotaStorage } from '../src-main/quota/quota-storage';
import { QuotaWatcher, type QuotaAlert, type WatcherClock } from '../src-main/quota/quota-watcher';
import { startSandbox } from '../sandbox/server';
import { sandboxAccounts } from '../sandbox/seed-accounts';

const scale = 80; // simulated ms per real ms
const ratePerSimMinute = 1_000;
const tickSimMs = 6_000; // consume every 6 simulated seconds: 100 invocations a tick
const minute = 60_000;

/** Simulated time running `scale` times faster than the wall clock. */
class ScaledClock implements WatcherClock {
  private readonly realStart = performance.now();
  constructor(private readonly simStart: number) {}
  now(): number {
    return this.simStart + (performance.now() - this.realStart) * scale;
  }
  setTimer(fn: () => void, ms: number): unknown {
    return setTimeout(fn, ms / scale);
  }
  clearTimer(handle: unknown): void {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0 });
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-quota-'));
  const { email, password } = sandboxAccounts.demo;
  const control = async (path: string, method: string, body: unknown) => {
    const res = await fetch(`${sandbox.origin}/_sandbox/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { quota: number };
  };

  try {
    const anonymous = new GreenCloudClient({ baseUrl: sandbox.apiBaseUrl, userAgent: 'bench' });
    const { accessToken } = await anonymous.login({ email, password });
    const client = new GreenCloudClient({
      baseUrl: sandbox.apiBaseUrl,
      userAgent: 'bench',
      auth: { accessToken: async () => accessToken, renewAccessToken: async () => accessToken },
    });
    // Auto-renewal off, so the quota can reach 0 and all three crossings happen.
    await client.setFlags({ bundleAutoRenewal: false, lowQuotaNotification: true });

    const clock = new ScaledClock(Date.now());
    const start = clock.now();
    const polls: number[] = [];
    const alerts: Array<QuotaAlert & { at: number }> = [];
    const watcher = new QuotaWatcher({
      fetchAccount: () => {
        polls.push(clock.now());
        return client.getAccount();
      },
      accountKey: `${sandbox.apiBaseUrl} ${email}`,
      clock,
      notifier: { notify: (alert) => alerts.push({ ...alert, at: clock.now() }) },
      // The app's defaults.
      settings: () => ({ pollIntervalSeconds: 60, notificationsEnabled: true, earlyWarning: true }),
      storage: createFileQuotaStorage(dataDir),
    });
    watcher.start();

    const size = bundleSizes.DEVELOPER;
    const lines = [
      { kind: 'low', below: (q: number) => q < size * quotaThresholds.low },
      { kind: 'critical', below: (q: number) => q < size * quotaThresholds.critical },
      { kind: 'exhausted', below: (q: number) => q <= 0 },
    ];
    const crossedAt = new Map<string, number>();
    const perTick = (ratePerSimMinute * tickSimMs) / minute;
    let quota = size;
    let nextTick = start;
    while (quota > 0) {
      nextTick += tickSimMs;
      const wait = (nextTick - clock.now()) / scale;
      if (wait > 0) await sleep(wait);
      quota = (await control('consume', 'POST', { email, count: perTick })).quota;
      const now = clock.now();
      for (const line of lines)
        if (line.below(quota) && !crossedAt.has(line.kind)) crossedAt.set(line.kind, now);
    }
    // Let the last fast poll land.
    await sleep((30_000 / scale) * 1.2);
    watcher.stop();
    await watcher.settled();

    const simElapsed = clock.now() - start;
    console.log(
      `Quota alert benchmark: DEVELOPER 100,000 → 0 at ${ratePerSimMinute.toLocaleString('en-US')} invocations per minute,`,
    );
    console.log(
      `default settings (60 s interval, notifications and early warning on), time compressed ${scale}×,`,
    );
    console.log(
      `${seconds(simElapsed)} simulated in ${seconds(simElapsed / scale)} real; every poll a real GET /v1/user.\n`,
    );

    console.log('Crossing → alert (simulated time; each alert once):');
    for (const line of lines) {
      const crossed = crossedAt.get(line.kind);
      const alert = alerts.find((a) => a.kind === line.kind);
      const latency = crossed !== undefined && alert ? alert.at - crossed : undefined;
      console.log(
        `  ${line.kind.padEnd(10)} crossed at +${seconds((crossed ?? NaN) - start).padStart(8)}  ` +
          (latency === undefined ? 'NO ALERT' : `alert after ${seconds(latency)}`),
      );
    }
    const early = alerts.find((a) => a.kind === 'early-warning');
    console.log(
      `  early warning ("runs out within 24 h") at +${early ? seconds(early.at - start) : 'never'}`,
    );
    console.log(`  alerts sent: ${alerts.map((a) => a.kind).join(', ')}\n`);

    const lowCrossing = crossedAt.get('low')!;
    const inWindow = (from: number, to: number) => polls.filter((t) => t >= from && t < to).length;
    const farFrom = start + 10 * minute; // after the first 10 minutes, once a forecast exists
    const farTo = Math.min(start + 70 * minute, lowCrossing - 15 * minute);
    const farPerHour = (inWindow(farFrom, farTo) / (farTo - farFrom)) * 60 * minute;
    const nearPerHour =
      (inWindow(lowCrossing - 10 * minute, lowCrossing) / (10 * minute)) * 60 * minute;
    console.log('Polls per hour:');
    console.log(
      `  far from any threshold (+10 min to +${Math.round((farTo - start) / minute)} min): ${farPerHour.toFixed(1)}`,
    );
    console.log(`  within 10 minutes of a forecast crossing: ${nearPerHour.toFixed(1)}`);
    console.log(`  total polls: ${polls.length} in ${seconds(simElapsed)} simulated`);
  } finally {
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
