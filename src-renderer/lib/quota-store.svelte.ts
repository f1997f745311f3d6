// The shown account's quota watcher state as main reports it: level, summary, forecast and history.
// The in-app banner mirrors it so the window and the tray always say the same thing. Bound to one
// account at a time, like the account store.

import type {
  GreenCloudBridge,
  MuteChoice,
  QuotaHistoryView,
  QuotaStatus,
} from '../../src-main/common/bridge-contract';
import { listen, settle, type AppErrorData } from './bridge';

export class QuotaStore {
  readonly #bridge: GreenCloudBridge;
  #accountId = $state<string | undefined>(undefined);
  #status = $state<QuotaStatus | null>(null);
  #refreshing = $state(false);
  #error = $state<AppErrorData | null>(null);
  #history = $state<QuotaHistoryView | null>(null);
  #historyFor: number | undefined;
  /** The level whose banner the user dismissed: it stays hidden until the level changes. */
  #dismissedLevel = $state<string | undefined>(undefined);

  readonly level = $derived(this.#status?.level);
  readonly needsAttention = $derived(
    this.level === 'low' ||
      this.level === 'critical' ||
      this.level === 'exhausted' ||
      this.level === 'stale',
  );
  /** The low-quota banner shows unless dismissed at this very level (a new level shows again). */
  readonly showBanner = $derived(
    this.needsAttention && (this.level === 'stale' || this.level !== this.#dismissedLevel),
  );
  readonly muted = $derived(
    Boolean(this.#status?.mutedForever) ||
      (this.#status?.mutedUntil !== undefined && this.#status.mutedUntil > Date.now()),
  );

  constructor(bridge: GreenCloudBridge) {
    this.#bridge = bridge;
  }

  bindTo(accountId: string | undefined): void {
    if (accountId === this.#accountId) return;
    this.#accountId = accountId;
    this.clear();
  }

  get status(): QuotaStatus | null {
    return this.#status;
  }
  get refreshing(): boolean {
    return this.#refreshing;
  }
  get error(): AppErrorData | null {
    return this.#error;
  }
  /** The chart's points, once the chart asked for them (they are not sent with every poll). */
  get history(): QuotaHistoryView | null {
    return this.#history;
  }

  dismissBanner(): void {
    this.#dismissedLevel = this.level;
  }

  /** Fetches the history when the newest sample moved since the last fetch. */
  async loadHistory(): Promise<void> {
    const at = this.#status?.historyAt;
    if (at === undefined || at === this.#historyFor) return;
    this.#historyFor = at;
    const accountId = this.#id;
    const result = await settle(() => this.#bridge.getQuotaHistory({ accountId }));
    if (accountId !== this.#id) return;
    if (result.ok) this.#history = result.value;
    else this.#historyFor = undefined;
  }

  subscribe(): () => void {
    return listen(this.#bridge.onQuotaChanged?.bind(this.#bridge), ({ accountId, status }) => {
      if (accountId === this.#accountId) this.apply(status);
    });
  }

  apply(status: QuotaStatus): void {
    this.#status = status;
    this.#error = null;
  }

  clear(): void {
    this.#status = null;
    this.#error = null;
    this.#history = null;
    this.#historyFor = undefined;
    this.#dismissedLevel = undefined;
  }

  async load(): Promise<void> {
    const result = await settle(() => this.#bridge.getQuotaStatus({ accountId: this.#id }));
    if (result.ok) this.apply(result.value);
    else this.#error = result.error;
  }

  async refreshNow(): Promise<void> {
    if (this.#refreshing) return;
    this.#refreshing = true;
    const result = await settle(() => this.#bridge.refreshQuotaNow({ accountId: this.#id }));
    this.#refreshing = false;
    if (result.ok) this.apply(result.value);
    else this.#error = result.error;
  }

  /** Mutes this account's alerts. */
  async mute(choice: MuteChoice) {
    const result = await settle(() => this.#bridge.muteAlerts({ accountId: this.#id, choice }));
    if (result.ok) this.apply(result.value);
    return result;
  }

  /** Mutes every signed-in account's alerts; this account's state follows in its event. */
  muteAll(choice: MuteChoice) {
    return settle(() => this.#bridge.muteAllAlerts({ choice }));
  }

  get #id(): string {
    return this.#accountId ?? '';
  }
}
