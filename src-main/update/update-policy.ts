// When the app looks for, downloads and installs updates. Pure: the updater (electron-updater in
// the app), the clock and "is money in flight?" are passed in, so every rule is tested in Node.
//  - Checks at start and every few hours; a check that finds a newer version downloads it in the
//    background.
//  - Never restarts by itself: it offers "Restart to Update", and only the user's click installs.
//  - Never installs during a money action or while a payment's outcome is still being confirmed
//    (isMoneyBusy, implemented by the core); not even at quit.
//  - Offline it waits quietly for the next check, or for the network to come back; any other failure
//    becomes a sentence and never blocks the app.

import type { UpdateChannel, UpdateView } from '../common/bridge-contract';
import { describeUpdateError } from './update-errors';

/** The boundary to electron-updater (src-main/electron/auto-updater.ts adapts it). */
export interface UpdaterPort {
  /** Asks the feed of `channel`; the newer version on offer, or undefined when this is the newest. */
  check(channel: UpdateChannel): Promise<string | undefined>;
  /** Downloads what the last check found; the updater verifies its checksum and signature. */
  download(): Promise<void>;
  /** Quits, installs the downloaded update and starts the new version. */
  installAndRestart(): void;
}

export interface UpdateClock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export type UpdateStatus =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'up-to-date'; checkedAt: number }
  /** The last check could not reach the feed: nothing is shown, the next check tries again. */
  | { kind: 'offline' }
  | { kind: 'downloading'; version: string }
  | { kind: 'ready'; version: string }
  | { kind: 'failed'; message: string };

/** What the tray, the app menu and About show while an update waits to be installed. */
export interface RestartOffer {
  version: string;
  label: string;
  enabled: boolean;
  /** Why it cannot restart now, when it cannot. */
  detail?: string;
}

export type RestartResult = { restarted: true } | { restarted: false; reason: string };

export interface UpdatePolicyDeps {
  updater: UpdaterPort;
  clock: UpdateClock;
  /** Read at each check, so a changed setting applies at once (see channelChanged). */
  channel: () => UpdateChannel;
  /** True during a purchase, bundle or card change, and while a payment awaits confirmation. */
  isMoneyBusy: () => boolean;
  checkIntervalMs?: number;
}

export const defaultCheckIntervalMs = 4 * 60 * 60 * 1000;
export const restartLabel = 'Restart to Update';
const moneyBusyReason =
  'GreenCloud Desktop will not restart while a payment is in progress or being confirmed. Try again once it has finished.';

type Listener = (status: UpdateStatus) => void;

export class UpdatePolicy {
  readonly #deps: UpdatePolicyDeps;
  readonly #intervalMs: number;
  readonly #listeners = new Set<Listener>();
  #status: UpdateStatus = { kind: 'idle' };
  #timer: unknown;
  #running: Promise<void> | undefined;
  #stopped = false;

  constructor(deps: UpdatePolicyDeps) {
    this.#deps = deps;
    this.#intervalMs = deps.checkIntervalMs ?? defaultCheckIntervalMs;
  }

  /** Checks now and then every interval, until stop(). */
  start(): void {
    this.#stopped = false;
    void this.checkNow();
  }

  stop(): void {
    this.#stopped = true;
    this.#clearTimer();
  }

  status(): UpdateStatus {
    return this.#status;
  }

  /** Resolves when the check (and any download it started) is over; never rejects. */
  checkNow(): Promise<void> {
    // One check at a time; a downloaded update waits for the user, there is nothing more to fetch.
    if (this.#running || this.#status.kind === 'ready') return this.#running ?? Promise.resolve();
    this.#clearTimer();
    this.#running = this.#checkAndDownload().finally(() => {
      this.#running = undefined;
      this.#scheduleNext();
    });
    return this.#running;
  }

  /** The network is back: an offline policy checks at once instead of waiting hours. */
  networkOnline(): void {
    if (this.#status.kind === 'offline') void this.checkNow();
  }

  /** The channel setting changed: look at the other feed now. */
  channelChanged(): void {
    if (this.#status.kind !== 'ready') void this.checkNow();
  }

  offer(): RestartOffer | undefined {
    if (this.#status.kind !== 'ready') return undefined;
    const busy = this.#deps.isMoneyBusy();
    return {
      version: this.#status.version,
      label: restartLabel,
      enabled: !busy,
      ...(busy ? { detail: moneyBusyReason } : {}),
    };
  }

  /** The user chose "Restart to Update". */
  restartToUpdate(): RestartResult {
    if (this.#status.kind !== 'ready') {
      return { restarted: false, reason: 'No update has been downloaded yet.' };
    }
    if (this.#deps.isMoneyBusy()) return { restarted: false, reason: moneyBusyReason };
    this.stop();
    this.#deps.updater.installAndRestart();
    return { restarted: true };
  }

  /** Asked as the app quits: installing then is fine, unless money is still in flight. */
  installOnQuit(): boolean {
    return this.#status.kind === 'ready' && !this.#deps.isMoneyBusy();
  }

  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #checkAndDownload(): Promise<void> {
    const channel = this.#deps.channel();
    this.#set({ kind: 'checking' });
    try {
      const version = await this.#deps.updater.check(channel);
      if (version === undefined) {
        this.#set({ kind: 'up-to-date', checkedAt: this.#deps.clock.now() });
        return;
      }
      this.#set({ kind: 'downloading', version });
      await this.#deps.updater.download();
      this.#set({ kind: 'ready', version });
    } catch (error) {
      const problem = describeUpdateError(error, channel);
      this.#set(problem.kind === 'offline' ? { kind: 'offline' } : problem);
    }
  }

  #scheduleNext(): void {
    if (this.#stopped || this.#status.kind === 'ready') return;
    this.#timer = this.#deps.clock.setTimer(() => {
      this.#timer = undefined;
      void this.checkNow();
    }, this.#intervalMs);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#deps.clock.clearTimer(this.#timer);
    this.#timer = undefined;
  }

  #set(status: UpdateStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) {
      try {
        listener(status);
      } catch {
        // A failing listener (a destroyed tray) must not stop the others or the policy.
      }
    }
  }
}

/** One line for About: what the updater is doing, or undefined when there is nothing to say. */
export function updateStatusLine(status: UpdateStatus): string | undefined {
  switch (status.kind) {
    case 'up-to-date':
      return 'GreenCloud Desktop is up to date.';
    case 'checking':
      return 'Checking for updates…';
    case 'downloading':
      return `Downloading version ${status.version}…`;
    case 'ready':
      return `Version ${status.version} is ready. Choose ${restartLabel} to install it.`;
    case 'failed':
      return status.message;
    case 'offline':
    case 'idle':
      return undefined;
  }
}

/** What About shows: the status line and, once an update is downloaded, the restart offer. */
export function updateView(policy: UpdatePolicy): UpdateView {
  const line = updateStatusLine(policy.status());
  const offer = policy.offer();
  return { ...(line === undefined ? {} : { line }), ...(offer ? { restart: offer } : {}) };
}
