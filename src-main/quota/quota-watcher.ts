// The quota watcher: polls the account while signed in, keeps the last good reading, records the
// history, and turns crossings into alerts through the policy. Everything it touches arrives as an
// argument (fetch, clock, randomness, notifier, settings, storage, thresholds), so it runs in plain
// Node against the sandbox with a controlled clock; the Electron glue only draws what it reports.

import { createHash } from 'node:crypto';
import { AppError, toAppErrorData, type AppErrorData } from '../common/app-error';
import type { Account } from '../common/api-schemas';
import type { MuteChoice, QuotaHistoryView, QuotaStatus } from '../common/bridge-contract';
import type { Clock } from '../common/platform-ports';
import { bundleSizeOf } from '../common/bundles';
import { alertState, evaluateAlerts, type AlertState } from './alert-policy';
import type { QuotaAlert } from './alert-text';
import { applyMute, isMuted, muteState, notMuted, type MuteState } from './alert-mute';
import { forecast, msUntilBelow, type Forecast } from './burn-forecast';
import { nextPollDelay } from './poll-schedule';
import { QuotaHistory, storedHistory } from './quota-history';
import { defaultQuotaThresholds, nextLineBelow, type QuotaThresholds } from './quota-level';
import { loadChecked, type QuotaStorage } from './quota-storage';
import { buildQuotaStatus, quotaHistoryView, signedOutQuotaStatus } from './quota-status';

export type { QuotaAlert } from './alert-text';
// The glue imports everything quota from here, including the status for when no watcher runs.
export { signedOutQuotaStatus } from './quota-status';

/** The watcher's clock is the platform's. */
export type WatcherClock = Clock;

export interface AlertNotifier {
  notify(alert: QuotaAlert): void;
}

export interface WatcherSettings {
  pollIntervalSeconds: number;
  notificationsEnabled: boolean;
  earlyWarning: boolean;
}

export interface QuotaWatcherDeps {
  /** GET /user through the signed-in client; throws AppError. */
  fetchAccount: () => Promise<Account>;
  /** Base URL + email: alert state and history are per account. */
  accountKey: string;
  clock: WatcherClock;
  /** For jitter; Math.random by default. */
  random?: () => number;
  notifier: AlertNotifier;
  /** Read before every decision, so a settings change applies from the next poll. */
  settings: () => WatcherSettings;
  storage: QuotaStorage;
  /** Fractions of the bundle size; the docs' 10% / 1% and a 2% re-arm margin by default. */
  thresholds?: Partial<QuotaThresholds>;
}

/** The wall-clock timer pair, for the app; tests pass a controlled clock instead. */
export const systemClock: WatcherClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The history is rewritten at most this often (and on alerts and stop): it can be ~200 KB. */
const historySaveEvery = 5 * 60_000;

interface LastGood {
  at: number;
  bundle?: { name: string; quota: number };
}

export class QuotaWatcher {
  private phase: 'idle' | 'running' | 'stopped' = 'idle';
  private suspended = false;
  private timer: unknown;
  private inFlight: Promise<QuotaStatus> | undefined;
  private readonly pending = new Set<Promise<unknown>>();
  private failures = 0;
  private retryAt: number | undefined;
  private lastPollFailed = false;
  private lastErrorData: AppErrorData | undefined;
  private lastGood: LastGood | undefined;
  private lastForecast: Forecast | undefined;
  private history = new QuotaHistory();
  private alerts: AlertState | undefined;
  private muted: MuteState = notMuted;
  private mutedBeforeLoad = false;
  private loaded: Promise<void> | undefined;
  private lastHistorySaveAt = -Infinity;
  /** Bumped by observeAccount: a poll that started before it carries older data and is dropped. */
  private observationSeq = 0;
  private readonly listeners = new Set<(status: QuotaStatus) => void>();
  private readonly thresholds: QuotaThresholds;
  private readonly random: () => number;
  private readonly names: { alerts: string; history: string; mute: string };

  constructor(private readonly deps: QuotaWatcherDeps) {
    this.thresholds = { ...defaultQuotaThresholds, ...deps.thresholds };
    this.random = deps.random ?? Math.random;
    // File names must not carry the email or URL: a short hash keys them per account.
    const key = createHash('sha256').update(deps.accountKey).digest('hex').slice(0, 16);
    this.names = {
      alerts: `quota-alerts-${key}`,
      history: `quota-history-${key}`,
      // Per account, like the rest: "mute all" is every account's watcher muted at once.
      mute: `quota-mute-${key}`,
    };
  }

  /** Starts polling at once. After stop() it does nothing: a watcher is for one signed-in session. */
  start(): void {
    if (this.phase !== 'idle') return;
    this.phase = 'running';
    void this.refreshNow();
  }

  /** For good: no timer fires afterwards, no alert is sent, listeners are dropped. */
  stop(): void {
    if (this.phase === 'stopped') return;
    this.phase = 'stopped';
    this.clearTimer();
    this.listeners.clear();
    this.track(this.saveHistory());
  }

  /** A poll now, whatever the schedule; joins one already in flight rather than doubling it. */
  refreshNow(): Promise<QuotaStatus> {
    if (this.phase === 'stopped') return Promise.resolve(this.status());
    if (!this.inFlight) {
      const poll = this.poll().finally(() => {
        this.inFlight = undefined;
      });
      this.inFlight = poll;
      this.track(poll);
    }
    return this.inFlight;
  }

  status(): QuotaStatus {
    if (this.phase === 'stopped') return signedOutQuotaStatus();
    return buildQuotaStatus({
      now: this.deps.clock.now(),
      lastGood: this.lastGood,
      lastPollFailed: this.lastPollFailed,
      forecast: this.lastForecast,
      samples: this.history.samples(),
      mute: this.muted,
      thresholds: this.thresholds,
    });
  }

  /** The chart's points, sent only when the chart asks (see QuotaStatus.historyAt). */
  chartHistory(): QuotaHistoryView {
    return quotaHistoryView(this.history.samples(), this.deps.clock.now());
  }

  /** Why the last poll failed, while the status is stale. */
  lastError(): AppErrorData | undefined {
    return this.lastPollFailed ? this.lastErrorData : undefined;
  }

  onChange(listener: (status: QuotaStatus) => void): () => void {
    if (this.phase === 'stopped') return () => undefined;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  mute(choice: MuteChoice): QuotaStatus {
    this.muted = applyMute(choice, this.deps.clock.now());
    this.mutedBeforeLoad = true;
    this.track(this.deps.storage.save(this.names.mute, this.muted));
    return this.emit();
  }

  /** System sleep: no polls until resume(). */
  suspend(): void {
    this.suspended = true;
    this.clearTimer();
  }

  /** System wake: poll at once, the data is as old as the sleep. */
  resume(): void {
    if (!this.suspended) return;
    this.suspended = false;
    if (this.phase === 'running') void this.refreshNow();
  }

  /** The network came back: skip the rest of a backoff. */
  online(): void {
    if (this.phase === 'running' && !this.suspended && this.failures > 0) void this.refreshNow();
  }

  /** An account fetched elsewhere (e.g. right after Buy) updates state and re-arms without a poll. */
  observeAccount(account: Account): void {
    if (this.phase === 'stopped') return;
    this.observationSeq++;
    this.track(
      (async () => {
        await this.ensureLoaded();
        if (this.phase === 'stopped') return;
        this.markSuccess();
        await this.apply(account);
        this.emit();
        this.scheduleNext();
      })(),
    );
  }

  /** Resolves once no poll or observation is in flight and their files are written. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  // ---- inside ----

  private async poll(): Promise<QuotaStatus> {
    this.clearTimer();
    await this.ensureLoaded();
    const seq = this.observationSeq;
    try {
      const account = await this.deps.fetchAccount();
      if (this.phase === 'stopped') return this.status();
      this.markSuccess();
      if (seq === this.observationSeq) await this.apply(account);
    } catch (error) {
      if (this.phase === 'stopped') return this.status();
      this.failures++;
      this.lastPollFailed = true;
      this.lastErrorData = toAppErrorData(error);
      this.retryAt = error instanceof AppError ? error.retryAt : undefined;
    }
    const status = this.emit();
    this.scheduleNext();
    return status;
  }

  private markSuccess(): void {
    this.failures = 0;
    this.retryAt = undefined;
    this.lastPollFailed = false;
    this.lastErrorData = undefined;
  }

  /** Records a fresh account: history, forecast, alert decision, persistence. */
  private async apply(account: Account): Promise<void> {
    const now = this.deps.clock.now();
    const bundle = account.bundle
      ? { name: account.bundle.name, quota: account.bundle.quota }
      : undefined;
    this.lastGood = { at: now, bundle };
    if (!bundle) {
      this.lastForecast = undefined;
      return;
    }
    this.history.append({ at: now, quota: bundle.quota, bundle: bundle.name });
    // The whole list, not a copy of its last day: the forecast reads only the windows it needs.
    this.lastForecast = forecast(this.history.samples(), bundle.quota, now);

    const settings = this.deps.settings();
    // Accounts from before flags existed have none. We treat a missing lowQuotaNotification as on:
    // the person runs a desktop app whose one promise is to warn them, and can still mute it here.
    // A missing bundleAutoRenewal is treated as off: never promise a renewal that may not come.
    const flagOn = account.flags?.lowQuotaNotification !== false;
    const decision = evaluateAlerts(this.alerts, {
      now,
      bundle: bundle.name,
      quota: bundle.quota,
      bundleSize: bundleSizeOf(bundle.name),
      autoRenewal: account.flags?.bundleAutoRenewal === true,
      alertsAllowed: flagOn && settings.notificationsEnabled && !isMuted(this.muted, now),
      earlyWarningEnabled: settings.earlyWarning,
      runsOutAt: this.lastForecast.runsOutAt,
      forecastText: this.lastForecast.text,
      thresholds: this.thresholds,
    });
    const changed = JSON.stringify(decision.state) !== JSON.stringify(this.alerts);
    this.alerts = decision.state;
    for (const alert of decision.alerts) {
      try {
        this.deps.notifier.notify(alert);
      } catch {
        // A notifier that fails (no notification server) must not stop the watching.
      }
    }
    const saves: Promise<unknown>[] = [];
    if (changed) saves.push(this.deps.storage.save(this.names.alerts, decision.state));
    if (decision.alerts.length > 0 || now - this.lastHistorySaveAt >= historySaveEvery) {
      saves.push(this.saveHistory());
    }
    // Written before the poll counts as done, so a restart right after never repeats an alert.
    await Promise.allSettled(saves);
  }

  private saveHistory(): Promise<void> {
    if (this.history.samples().length === 0) return Promise.resolve();
    this.lastHistorySaveAt = this.deps.clock.now();
    return this.deps.storage
      .save(this.names.history, this.history.toStored())
      .catch(() => undefined);
  }

  private ensureLoaded(): Promise<void> {
    this.loaded ??= (async () => {
      const { storage } = this.deps;
      const [alerts, history, mute] = await Promise.all([
        loadChecked(storage, this.names.alerts, alertState),
        loadChecked(storage, this.names.history, storedHistory),
        loadChecked(storage, this.names.mute, muteState),
      ]);
      if (alerts) this.alerts = alerts;
      if (history) this.history = QuotaHistory.fromStored(history);
      // A mute chosen while the files were loading is newer than the stored one.
      if (mute && !this.mutedBeforeLoad) this.muted = mute;
    })();
    return this.loaded;
  }

  private scheduleNext(): void {
    if (this.phase !== 'running' || this.suspended) return;
    this.clearTimer();
    const now = this.deps.clock.now();
    const delay = nextPollDelay({
      intervalSeconds: this.deps.settings().pollIntervalSeconds,
      consecutiveFailures: this.failures,
      msUntilNextCrossing: this.msUntilNextCrossing(),
      retryAt: this.retryAt,
      now,
      random: this.random,
    });
    this.timer = this.deps.clock.setTimer(() => {
      this.timer = undefined;
      void this.refreshNow();
    }, delay);
  }

  private msUntilNextCrossing(): number | undefined {
    const bundle = this.lastGood?.bundle;
    if (!bundle || this.lastPollFailed) return undefined;
    const line = nextLineBelow(bundle.quota, bundleSizeOf(bundle.name), this.thresholds);
    if (line === undefined) return undefined;
    return msUntilBelow(bundle.quota, line, this.lastForecast?.ratePerHour);
  }

  private clearTimer(): void {
    if (this.timer === undefined) return;
    this.deps.clock.clearTimer(this.timer);
    this.timer = undefined;
  }

  private emit(): QuotaStatus {
    const status = this.status();
    if (this.phase === 'stopped') return status;
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch {
        // One failing view must not keep the others (or the watcher) from updating.
      }
    }
    return status;
  }

  private track<T>(promise: Promise<T>): void {
    const tracked = promise.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }
}
