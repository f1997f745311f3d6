// Soak (prints figures, asserts nothing): a simulated week in the tray at default settings. The real
// core (settings file, session, account, quota watcher, history and alert files) polls a real
// sandbox over loopback; only time is simulated: the watcher's timers run on a virtual clock that
// jumps to the next timer, and the sandbox's clock is moved along with it so tokens expire and
// renew as they would. The demo account burns 5 invocations a simulated minute.
// RSS is measured after a full GC (run with --expose-gc, as the npm script does).
//
//   npm run soak:week          (a few minutes; prints RSS after 1 hour and after 7 days)

import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { startSandbox } from '../sandbox/server';
import { sandboxAccounts } from '../sandbox/seed-accounts';
import { createAppCore } from '../src-main/core/app-core';
import type { WatcherClock } from '../src-main/quota/quota-watcher';
import {
  settingsBackendBehaviour,
  settingsFileName,
} from '../src-main/settings/settings-backend-options';

const minute = 60_000;
const hour = 60 * minute;
// SOAK_HOURS shortens the run (a quick look); the figures asked for are the week's.
const week = Number(process.env.SOAK_HOURS ?? 7 * 24) * hour;
const burnPerMinute = 5;

interface VirtualTimer {
  due: number;
  fn: () => void;
  id: number;
}

/** Time that moves only when the soak says so: to the next timer due. */
class VirtualClock implements WatcherClock {
  current = Date.UTC(2030, 0, 6, 9, 0, 0);
  private timers: VirtualTimer[] = [];
  private nextId = 1;
  /** Resolves when someone sets a timer: the watcher does so when its poll has finished. */
  private waiting?: () => void;

  now = () => this.current;
  setTimer = (fn: () => void, ms: number) => {
    const timer = { due: this.current + Math.max(0, ms), fn, id: this.nextId++ };
    this.timers.push(timer);
    this.waiting?.();
    return timer.id;
  };
  clearTimer = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };

  /**
   * Resolves a macrotask after someone sets a timer, as a real timer could fire at the earliest:
   * by then the poll that set it has finished unwinding.
   */
  timerSet(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting = () => {
        this.waiting = undefined;
        setImmediate(resolve);
      };
    });
  }

  /** Fires the earliest timer after moving time to it; undefined when none is set. */
  fireNext(): number | undefined {
    this.timers.sort((a, b) => a.due - b.due);
    const next = this.timers.shift();
    if (!next) return undefined;
    this.current = Math.max(this.current, next.due);
    next.fn();
    return next.due;
  }
}

/**
 * The sandbox's control routes over node:http. Not fetch: undici's fetch, called twice a poll
 * for a week, itself grew this process by well over 100 MiB, which is the driver's memory and not
 * the app's.
 */
function controlCall(origin: string, path: string, body?: unknown): Promise<string> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${origin}/_sandbox${path}`,
      {
        method: body === undefined ? 'GET' : 'POST',
        agent: controlAgent,
        headers:
          text === undefined
            ? {}
            : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const controlAgent = new http.Agent({ keepAlive: true });

function rssMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) {
    console.log('(run with node --expose-gc for figures after a full GC; npm run soak:week does)');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'greencloud-soak-'));
  const sandbox = await startSandbox({ port: 0 });
  const control = (path: string, body?: unknown) => controlCall(sandbox.origin, path, body);
  const clock = new VirtualClock();
  const core = await createAppCore({
    dataDir,
    // Opened as the app opens electron-store (same file name, same cache), so reads cost the same.
    settingsBackend: new Conf({
      cwd: dataDir,
      projectName: 'greencloud-soak',
      configName: settingsFileName,
      ...settingsBackendBehaviour,
    }),
    // No keychain in a soak: the core's own fallback keeps tokens in memory, as on a bare machine.
    loadKeytar: async () => Promise.reject(new Error('no keychain in the soak')),
    appVersion: '0.0.0-soak',
    platform: 'linux',
    notifier: { notify: () => undefined },
    clipboard: { writeText: () => undefined, readText: () => '', clear: () => undefined },
    openExternal: async () => undefined,
    clock,
    log: () => undefined,
  });
  await core.handlers.updateSettings({
    endpoint: { kind: 'custom', customUrl: sandbox.apiBaseUrl },
  });
  const started = clock.now();
  const polled = clock.timerSet();
  const { demo } = sandboxAccounts;
  await core.handlers.signIn({ email: demo.email, password: demo.password });
  await polled;

  const before = rssMiB();
  let polls = 0;
  let pollsInHour = 0;
  let requestsInHour = 0;
  let rssHour = 0;
  let sandboxTime = clock.now();
  const wallStart = performance.now();
  while (clock.now() - started < week) {
    const nextPoll = clock.timerSet();
    if (clock.fireNext() === undefined) throw new Error('the watcher stopped polling');
    await nextPoll;
    polls += 1;
    if (process.env.SOAK_DEBUG && polls % 100 === 0) console.log(`poll ${polls}`);
    // The sandbox's clock follows, and the account burns quota between polls.
    const lag = clock.now() - sandboxTime;
    if (lag >= minute) {
      await control('/clock', { advanceSeconds: Math.floor(lag / 1000) });
      await control('/consume', {
        email: demo.email,
        count: Math.round((lag / minute) * burnPerMinute),
      });
      sandboxTime = clock.now();
    }
    if (rssHour === 0 && clock.now() - started >= hour) {
      rssHour = rssMiB();
      pollsInHour = polls;
      // Every API request of the first hour, sign-in and renewals included (the log keeps 2,000).
      const log = JSON.parse(await control('/requests')) as { path: string }[];
      requestsInHour = log.filter((r) => r.path !== '/v1/auth/login').length;
    }
  }
  const rssWeek = rssMiB();
  const quota = core.quotaStatus();

  console.log('A simulated week in the tray at default settings (poll every 60 s)\n');
  const realSeconds = ((performance.now() - wallStart) / 1000).toFixed(0);
  console.log(`polls: ${polls} (${pollsInHour} in the first hour), real time ${realSeconds} s`);
  console.log(
    `requests per poll in the first hour: ${(requestsInHour / pollsInHour).toFixed(2)} (${requestsInHour} API requests after sign-in, renewals included)`,
  );
  console.log(`quota now: ${quota.summary}`);
  console.log(`\nRSS after sign-in:  ${before.toFixed(1)} MiB`);
  console.log(`RSS after 1 hour:   ${rssHour.toFixed(1)} MiB`);
  console.log(`RSS after 7 days:   ${rssWeek.toFixed(1)} MiB`);
  console.log(`week / hour: ${(rssWeek / rssHour).toFixed(2)}× (goal ≤ 1.20×)`);

  await core.shutdown();
  controlAgent.destroy();
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
}

void main();
