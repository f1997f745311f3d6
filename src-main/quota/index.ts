// The quota module's public surface for the main process's glue.

export { QuotaWatcher, systemClock } from './quota-watcher';
export type { AlertNotifier, QuotaAlert, QuotaWatcherDeps, WatcherClock, WatcherSettings } from './quota-watcher';
export { createFileQuotaStorage } from './quota-storage';
export type { QuotaStorage } from './quota-storage';
export { signedOutQuotaStatus, quotaSummary } from './quota-status';
export { defaultQuotaThresholds } from './quota-level';
export type { QuotaThresholds } from './quota-level';
