// A recording notifier: the one test double in the quota tests, at the boundary where the app would
// show a system notification. It notes the (controlled) time of each alert for latency checks.

import type { AlertNotifier, QuotaAlert } from '../../src-main/quota/quota-watcher';

export class RecordingNotifier implements AlertNotifier {
  readonly alerts: Array<QuotaAlert & { at: number }> = [];

  constructor(private readonly now: () => number = Date.now) {}

  notify(alert: QuotaAlert): void {
    this.alerts.push({ ...alert, at: this.now() });
  }

  kinds(): string[] {
    return this.alerts.map((a) => a.kind);
  }

  clear(): void {
    this.alerts.length = 0;
  }
}
