// A recording notifier: the one test double in the quota tests, at the boundary where the app would
// show a system notification.

import type { AlertNotifier, QuotaAlert } from '../../src-main/quota/quota-watcher';

export class RecordingNotifier implements AlertNotifier {
  readonly alerts: QuotaAlert[] = [];

  notify(alert: QuotaAlert): void {
    this.alerts.push(alert);
  }

  kinds(): string[] {
    return this.alerts.map((a) => a.kind);
  }

  clear(): void {
    this.alerts.length = 0;
  }
}
