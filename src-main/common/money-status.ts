// What the views know about money actions: whether one is on its way, whether the app is still
// finding out what happened to one whose reply was lost, and the last settled outcome.

import type { BundleName } from './bundles';

export type MoneyAction = 'refill' | 'set-bundle' | 'change-bundle';

export interface MoneyStatusIntent {
  action: MoneyAction;
  bundle?: BundleName;
}

/** Whether the action charges the card (and so leaves an invoice): a plan switch does not. */
export function intentCharges(intent: MoneyStatusIntent): boolean {
  return intent.action !== 'change-bundle';
}

export interface MoneySettled {
  intent: MoneyStatusIntent;
  outcome: 'went-through' | 'did-not-go-through';
  sentence: string;
  /** Epoch ms. */
  at: number;
}

export type MoneyStatus =
  | { state: 'idle'; last?: MoneySettled }
  | { state: 'sending'; intent: MoneyStatusIntent }
  /** The reply was lost: the app is reading the account and invoices to find out. */
  | { state: 'checking'; intent: MoneyStatusIntent; sentence: string; since: number }
  /** As `checking`, but the reads failed too (offline): it checks again when back online. */
  | { state: 'waiting-online'; intent: MoneyStatusIntent; sentence: string; since: number };
