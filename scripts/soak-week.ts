// Soak (prints figures, asserts nothing): a simulated week in the tray at default settings. The real
// core (settings file, session, account, quota watcher, history and alert files) polls a real
// sandbox over loopback; only time is simulated: the watcher's timers run on a virtual clock that
// jumps to the next timer, and the sandbox's clock is moved along with it so tokens expire and
// renew as they would. The demo account burns 5 invocations a simulated minute.
// RSS is measured after a full GC (run with --expose-gc, as the npm script does).
//
// The week runs twice, each in a fresh process, and both are printed:
//  - sandbox in this process: how this soak has always measured (the figures before this change);
//  - sandbox in its own process: the app's process alone. At default settings the app talks to a
//    server elsewhere and hosts no sandbox; here the sandbox's own heap and its half of every HTTP
//    exchange (a third of what the process allocated) counted as the app's.
//
//   npm run soak:week          (a few minutes; prints RSS after 1 hour and after 7 days)
//   SOAK_SANDBOX=in-process|own-process npm run soak:week    (one of the two only)
//   SOAK_YOUNG_GENERATION=grows npm run soak:week    (without the app's young-generation cap)

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { startSandbox } from '../sandbox/server';
import v8 from 'node:v8';
import {
  constants as perfConstants,
  PerformanceObserver,
  type PerformanceEntry,
} from 'node:perf_hooks';
import { sandboxAccounts } from '../sandbox/seed-accounts';
import { createAppCore } from '../src-main/core/app-core';
import { startSandboxChild } from './sandbox-child';
import { capYoungGeneration } from '../src-main/electron/young-generation-cap';
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

interface MemorySample {
  rss: number;
  heapUsed: number;
  /** V8's young generation as reserved: what grows when V8 sizes it for a high allocation rate. */
  newSpace: number;
}

const mib = (bytes: number) => bytes / 1024 / 1024;

function memoryAfterGc(): MemorySample {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  return {
    rss: mib(usage.rss),
    heapUsed: mib(usage.heapUsed),
    newSpace: mib(young?.space_size ?? 0),
  };
}

type SandboxPlace = 'in-process' | 'own-process';

interface WeekResult {
  place: SandboxPlace;
  capped: boolean;
  /** This process's CPU time for the whole run, and its garbage collections (count, pause ms). */
  cpuSeconds: number;
  gcs: { scavenges: number; majors: number; ms: number };
  polls: number;
  pollsInHour: number;
  requestsInHour: number;
  realSeconds: number;
  quota: string;
  signedIn: MemorySample;
  hour: MemorySample;
  week: MemorySample;
  /** Diagnosis only: after a memory-reducing GC at the very end (V8's young generation given back). */
  reduced: MemorySample;
}

/** The sandbox for one run: in this process (as before) or in a child of its own. */
async function openSandbox(
  place: SandboxPlace,
): Promise<{ apiBaseUrl: string; origin: string; close: () => Promise<void> }> {
  if (place === 'in-process') {
    const sandbox = await startSandbox({ port: 0 });
    return { apiBaseUrl: sandbox.apiBaseUrl, origin: sandbox.origin, close: () => sandbox.close() };
  }
  return startSandboxChild();
}

async function runWeek(place: SandboxPlace): Promise<WeekResult> {
  // As the app's main process starts (src-main/index.ts): the young generation is not grown.
  // SOAK_YOUNG_GENERATION=grows leaves V8's default, to see what the cap changes.
  const capped = process.env.SOAK_YOUNG_GENERATION !== 'grows';
  if (capped) capYoungGeneration();
  const gcs = { scavenges: 0, majors: 0, ms: 0 };
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) gcs.scavenges += 1;
      else gcs.majors += 1;
      gcs.ms += entry.duration;
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const cpuStart = process.cpuUsage();
  const dataDir = await mkdtemp(join(tmpdir(), 'greencloud-soak-'));
  const sandbox = await openSandbox(place);
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

  const signedInMemory = memoryAfterGc();
  let polls = 0;
  let pollsInHour = 0;
  let requestsInHour = 0;
  let hourMemory: MemorySample | undefined;
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
    if (hourMemory === undefined && clock.now() - started >= hour) {
      hourMemory = memoryAfterGc();
      pollsInHour = polls;
      // Every API request of the first hour, sign-in and renewals included (the log keeps 2,000).
      const log = JSON.parse(await control('/requests')) as { path: string }[];
      requestsInHour = log.filter((r) => r.path !== '/v1/auth/login').length;
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  const weekMemory = memoryAfterGc();
  gcObserver.disconnect();
  const result: WeekResult = {
    place,
    capped,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    gcs,
    polls,
    pollsInHour,
    requestsInHour,
    realSeconds: (performance.now() - wallStart) / 1000,
    quota: core.quotaStatus().summary,
    signedIn: signedInMemory,
    hour: hourMemory ?? weekMemory,
    week: weekMemory,
    reduced: weekMemory,
  };
  await core.shutdown();
  controlAgent.destroy();
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
  (globalThis as { gc?: (options: object) => void }).gc?.({
    type: 'major',
    execution: 'sync',
    flavor: 'last-resort',
  });
  result.reduced = memoryAfterGc();
  return result;
}

/** Each week in a fresh process, one after the other, so neither run's heap shapes the other's. */
function weekInChild(place: SandboxPlace): Promise<WeekResult> {
  const child = spawn(process.execPath, [...process.execArgv, import.meta.filename], {
    env: { ...process.env, SOAK_SANDBOX: place, SOAK_CHILD: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as WeekResult);
      else reject(new Error(`The ${place} soak failed (exit ${code}).`));
    });
  });
}

function report(results: readonly WeekResult[]): void {
  const first = results[0]!;
  console.log('A simulated week in the tray at default settings (poll every 60 s)\n');
  console.log(`polls: ${first.polls} (${first.pollsInHour} in the first hour)`);
  console.log(
    `requests per poll in the first hour: ${(first.requestsInHour / first.pollsInHour).toFixed(2)} (${first.requestsInHour} API requests after sign-in, renewals included)`,
  );
  console.log(`quota now: ${first.quota}\n`);
  const cell = (m: MemorySample) =>
    `${m.rss.toFixed(1).padStart(6)} MiB (young gen ${m.newSpace.toFixed(0).padStart(3)}, heap ${m.heapUsed.toFixed(1).padStart(4)})`;
  for (const r of results) {
    const label =
      r.place === 'in-process'
        ? 'sandbox in this process (as measured before)'
        : "sandbox in its own process (the app's process alone)";
    console.log(
      `${label}, young generation ${r.capped ? 'capped as in the app' : "grown as V8's default"}`,
    );
    console.log(
      `  ${r.realSeconds.toFixed(0)} s real time, ${r.cpuSeconds.toFixed(1)} s CPU in this process; GC: ${r.gcs.scavenges} scavenges, ${r.gcs.majors} full, ${r.gcs.ms.toFixed(0)} ms in all`,
    );
    console.log(`  RSS after sign-in:  ${cell(r.signedIn)}`);
    console.log(`  RSS after 1 hour:   ${cell(r.hour)}`);
    console.log(`  RSS after 7 days:   ${cell(r.week)}`);
    console.log(`  week / hour: ${(r.week.rss / r.hour.rss).toFixed(2)}× (goal ≤ 1.20×)`);
    console.log(`  diagnosis only, after a memory-reducing GC at the end: ${cell(r.reduced)}`);
  }
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) {
    console.log('(run with node --expose-gc for figures after a full GC; npm run soak:week does)');
  }
  const chosen = process.env.SOAK_SANDBOX as SandboxPlace | undefined;
  if (process.env.SOAK_CHILD) {
    process.stdout.write(`${JSON.stringify(await runWeek(chosen ?? 'in-process'))}\n`);
    return;
  }
  const places: SandboxPlace[] = chosen ? [chosen] : ['in-process', 'own-process'];
  const results: WeekResult[] = [];
  for (const place of places) results.push(await weekInChild(place));
  report(results);
}

void main();
