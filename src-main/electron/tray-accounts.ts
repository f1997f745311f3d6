// The tray over several accounts: it shows the worst state among them, and with more than one
// account its menu gets one line per account (email, what is left, the level) that opens it.
// Pure, so it is tested in Node; tray.ts draws what this decides.
import type { QuotaLevel, QuotaStatus } from '../common/bridge-contract';
import type { AccountQuota } from '../core/app-core';
import { signedOutQuotaStatus } from '../quota/quota-watcher';
import { describeLeft } from '../quota/quota-format';

export interface TrayAccountLine {
  accountId: string;
  label: string;
}

export interface TrayView {
  /** The worst account's status; with several accounts its summary names the account. */
  status: QuotaStatus;
  /** That account, whose Buy refill the tray offers. */
  accountId?: string;
  /** One line per account, when there is more than one. */
  accounts?: TrayAccountLine[];
}

/** Higher is worse: what the tray icon should warn about first. */
const severity: Record<QuotaLevel, number> = {
  'signed-out': 0,
  ok: 1,
  stale: 2,
  low: 3,
  critical: 4,
  exhausted: 5,
};

const levelWords: Record<QuotaLevel, string> = {
  ok: 'OK',
  low: 'low',
  critical: 'almost used up',
  exhausted: 'used up',
  stale: 'not up to date',
  'signed-out': 'signed out',
};

function accountLine({ accountId, email, status }: AccountQuota): TrayAccountLine {
  // The one percentage rule: the line shows main's own figure (QuotaStatus.leftText) when it has one.
  const left =
    status.leftText ??
    (status.quota === undefined ? 'no reading yet' : describeLeft(status.quota, status.bundleSize));
  return { accountId, label: `${email}: ${left}, ${levelWords[status.level]}` };
}

export function trayViewOf(accounts: readonly AccountQuota[]): TrayView {
  const worst = accounts.reduce<AccountQuota | undefined>(
    (found, next) =>
      found === undefined || severity[next.status.level] > severity[found.status.level]
        ? next
        : found,
    undefined,
  );
  if (!worst) return { status: signedOutQuotaStatus() };
  if (accounts.length === 1) return { status: worst.status, accountId: worst.accountId };
  return {
    status: { ...worst.status, summary: `${worst.email}: ${worst.status.summary}` },
    accountId: worst.accountId,
    accounts: accounts.map(accountLine),
  };
}
