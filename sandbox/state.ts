// The sandbox's whole world, in memory only: accounts, tokens and the "sent" emails. A fresh copy
// is built from seed-state.ts at every start and by POST /_sandbox/reset.

import type { BundleName } from '../src-main/common/bundles';

export interface SandboxAddress {
  company?: string;
  street: string;
  district?: string;
  city: string;
  postCode: string;
  country: string;
}

export interface SandboxCard {
  paymentMethod: string;
  brand: string;
  last4: string;
}

export interface SandboxInvoice {
  id: string;
  amount: number;
  status: 'paid';
  /** Unix seconds, as the API documents. */
  paidDay: number;
  description: string;
  card: { brand: string; last4: string };
  receiptUrl: string;
}

export interface SandboxAccount {
  id: string;
  email: string;
  password: string;
  name: string;
  surname: string;
  address: SandboxAddress;
  apiKey: string;
  /** The active TOTP secret when 2FA is on. */
  totpSecret?: string;
  /** A secret handed out by POST /auth/2FA, active only once verify2FA accepts a code from it. */
  pendingTotpSecret?: string;
  /** `secret:step` pairs already accepted, so no code works twice (keyed by secret so a new
   *  secret's first code is not refused because an old secret used the same step). */
  usedTotpSteps: Set<string>;
  bundle: { name: BundleName; quota: number };
  flags: { bundleAutoRenewal: boolean; lowQuotaNotification: boolean };
  card: SandboxCard;
  cardDeclined: boolean;
  /** Sandbox-clock ms of the last card change, for the once-per-24-hours rule. */
  lastCardChangeAt?: number;
  /** Newest first. */
  invoices: SandboxInvoice[];
  /** Only the newest reset code works; it is deleted when used. */
  resetCode?: { code: string; expiresAt: number };
}

export type OutboxKind = 'reset-code' | 'low-quota' | 'renewed' | 'renewal-failed';

export interface OutboxEntry {
  to: string;
  kind: OutboxKind;
  code?: string;
  /** ISO 8601, sandbox clock. */
  sentAt: string;
}

export interface SandboxState {
  accounts: SandboxAccount[];
  /** Access token → whose it is and when it stops working (sandbox-clock ms). */
  accessTokens: Map<string, { accountId: string; expiresAt: number }>;
  /** Refresh token → account id. Each one works once: refreshing replaces it. */
  refreshTokens: Map<string, string>;
  /** Newest first. */
  outbox: OutboxEntry[];
  nextInvoiceNumber: number;
}

export function findAccountByEmail(state: SandboxState, email: string): SandboxAccount | undefined {
  const wanted = email.trim().toLowerCase();
  return state.accounts.find((account) => account.email === wanted);
}

export function sendMail(
  state: SandboxState,
  now: number,
  entry: { to: string; kind: OutboxKind; code?: string },
): void {
  state.outbox.unshift({ ...entry, sentAt: new Date(now).toISOString() });
}
