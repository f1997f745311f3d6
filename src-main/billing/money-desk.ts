// Every money action passes here: sent at most once per intent, and never lost track of. Before
// the request leaves, a pending marker is written; a clear answer removes it. When the answer is
// lost (see money-outcome.ts) the desk says it is checking, reads the account and the invoice
// list, compares them with what it knew before, and says which way it went. Until then every money
// action is refused, also after a restart (the marker is read back at sign-in), and offline it
// checks again when the network returns or at the next retry.

import { AppError } from '../common/app-error';
import type { Account, InvoiceSummary } from '../common/api-schemas';
import { intentCharges, type MoneySettled, type MoneyStatus } from '../common/money-status';
import { describeIntent, type MoneyBefore, type MoneyIntent } from './money-intent';
import { didGoThrough, isOutcomeUnknown } from './money-outcome';
import type { PendingMoney, PendingMoneyMarker } from './pending-money-marker';

export interface MoneyDeskClock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface MoneyDeskDeps {
  marker: PendingMoneyMarker;
  clock: MoneyDeskClock;
  /** The last account read (no request). */
  latestAccount: () => Account | undefined;
  /** The last invoice list read (no request), or undefined when none was read this session. */
  knownInvoices: () => readonly InvoiceSummary[] | undefined;
  /** GET /user: also updates what the views and the quota watcher show. */
  readAccount: () => Promise<Account>;
  /** GET /invoice/list. */
  readInvoices: () => Promise<InvoiceSummary[]>;
  onChange: (status: MoneyStatus) => void;
  /** How long to wait before checking again after a failed check. */
  recheckMs?: number;
}

export type MoneyResult = { outcome: 'done' } | { outcome: 'unknown'; status: MoneyStatus };

const defaultRecheckMs = 20_000;

function capitalised(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

function checkingSentence(intent: MoneyIntent): string {
  return `GreenCloud did not confirm ${describeIntent(intent)}. GreenCloud Desktop is checking whether it went through; until it knows, buying and plan changes stay off so nothing is charged twice.`;
}

function offlineSentence(intent: MoneyIntent): string {
  return `GreenCloud Desktop cannot reach GreenCloud to check whether ${describeIntent(intent)} went through. It will check as soon as you are back online; until then, buying and plan changes stay off.`;
}

function settledSentence(intent: MoneyIntent, wentThrough: boolean): string {
  if (!wentThrough) {
    return `${capitalised(describeIntent(intent))} did not go through${intentCharges(intent) ? ', and nothing was charged' : ''}. You can try again.`;
  }
  switch (intent.action) {
    case 'refill':
      return 'The refill was bought: GreenCloud charged your card once.';
    case 'set-bundle':
      return `The ${intent.bundle} bundle was bought: GreenCloud charged your card once.`;
    case 'change-bundle':
      return `Your bundle is now ${intent.bundle}.`;
  }
}

export class MoneyDesk {
  readonly #deps: MoneyDeskDeps;
  #status: MoneyStatus = { state: 'idle' };
  #pending: PendingMoney | undefined;
  #timer: unknown;
  #checking: Promise<void> | undefined;
  #stopped = false;
  /** Until the marker from an earlier run has been read, no money action may start. */
  #resumed: Promise<void> = Promise.resolve();

  constructor(deps: MoneyDeskDeps) {
    this.#deps = deps;
  }

  status(): MoneyStatus {
    return this.#status;
  }

  /** True while a money request is on its way or its outcome is not known yet. */
  isBusy(): boolean {
    return this.#status.state !== 'idle';
  }

  /** At sign-in: a marker left by an earlier run means an outcome to find out first. */
  resume(): Promise<void> {
    this.#resumed = this.#resume();
    return this.#resumed;
  }

  async #resume(): Promise<void> {
    const pending = await this.#deps.marker.read();
    if (!pending || this.#stopped) return;
    this.#pending = pending;
    this.#set({
      state: 'checking',
      intent: pending.intent,
      sentence: checkingSentence(pending.intent),
      since: pending.sentAt,
    });
    void this.#check();
  }

  /**
   * Sends one money request. Resolves 'done' when GreenCloud answered yes, 'unknown' when the
   * answer was lost (the desk is checking), and rejects with GreenCloud's refusal otherwise.
   */
  async run(intent: MoneyIntent, send: () => Promise<void>): Promise<MoneyResult> {
    await this.#resumed;
    this.#refuseWhileBusy();
    this.#set({ state: 'sending', intent });
    let pending: PendingMoney;
    try {
      pending = { intent, before: await this.#before(), sentAt: this.#deps.clock.now() };
      await this.#deps.marker.write(pending);
    } catch (error) {
      this.#set({ state: 'idle', last: this.#last() });
      throw error instanceof AppError
        ? error
        : new AppError({
            kind: 'internal',
            message:
              'GreenCloud Desktop could not note the purchase before sending it, so it sent nothing. Check that the disk is not full, then try again.',
          });
    }
    this.#pending = pending;
    try {
      await send();
    } catch (error) {
      if (!isOutcomeUnknown(error)) {
        await this.#settleQuietly();
        throw error;
      }
      this.#set({
        state: 'checking',
        intent,
        sentence: checkingSentence(intent),
        since: pending.sentAt,
      });
      void this.#check();
      return { outcome: 'unknown', status: this.#status };
    }
    await this.#settleQuietly();
    return { outcome: 'done' };
  }

  /** The network is back: check at once rather than at the next retry. */
  online(): void {
    if (this.#status.state === 'waiting-online') void this.#check();
  }

  /** Waits for a check in progress (tests, shutdown). */
  async settled(): Promise<void> {
    await this.#checking;
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) this.#deps.clock.clearTimer(this.#timer);
    this.#timer = undefined;
  }

  #refuseWhileBusy(): void {
    const status = this.#status;
    if (status.state === 'sending') {
      throw new AppError({
        kind: 'busy',
        message: 'A purchase or plan change is already on its way. Wait for it to finish.',
      });
    }
    if (status.state === 'checking' || status.state === 'waiting-online') {
      throw new AppError({ kind: 'busy', message: status.sentence });
    }
  }

  async #before(): Promise<MoneyBefore> {
    const account = this.#deps.latestAccount();
    // The list the Billing page read is enough; without one, read it now, before anything is sent.
    const invoices = this.#deps.knownInvoices() ?? (await this.#deps.readInvoices());
    return {
      bundle: account?.bundle?.name,
      quota: account?.bundle?.quota,
      invoiceIds: invoices.map((invoice) => invoice.id),
    };
  }

  #last(): MoneySettled | undefined {
    return this.#status.state === 'idle' ? this.#status.last : undefined;
  }

  async #settleQuietly(): Promise<void> {
    this.#pending = undefined;
    await this.#deps.marker.clear().catch(() => undefined);
    this.#set({ state: 'idle', last: this.#last() });
  }

  #check(): Promise<void> {
    this.#checking ??= this.#checkOnce().finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  async #checkOnce(): Promise<void> {
    const pending = this.#pending;
    if (!pending || this.#stopped) return;
    if (this.#timer !== undefined) this.#deps.clock.clearTimer(this.#timer);
    this.#timer = undefined;
    let account: Account;
    let invoices: InvoiceSummary[];
    try {
      // One account read and one invoice list: what a charge would have changed.
      account = await this.#deps.readAccount();
      invoices = await this.#deps.readInvoices();
    } catch {
      if (this.#stopped) return;
      this.#set({
        state: 'waiting-online',
        intent: pending.intent,
        sentence: offlineSentence(pending.intent),
        since: pending.sentAt,
      });
      this.#timer = this.#deps.clock.setTimer(
        () => void this.#check(),
        this.#deps.recheckMs ?? defaultRecheckMs,
      );
      return;
    }
    const wentThrough = didGoThrough(pending.intent, pending.before, account, invoices);
    this.#pending = undefined;
    await this.#deps.marker.clear().catch(() => undefined);
    this.#set({
      state: 'idle',
      last: {
        intent: pending.intent,
        outcome: wentThrough ? 'went-through' : 'did-not-go-through',
        sentence: settledSentence(pending.intent, wentThrough),
        at: this.#deps.clock.now(),
      },
    });
  }

  #set(status: MoneyStatus): void {
    this.#status = status;
    if (!this.#stopped) this.#deps.onChange(status);
  }
}
