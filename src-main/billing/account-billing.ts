// One signed-in account's money: its MoneyDesk (with its pending marker, so there is one per
// account) and the last invoice list read, which a money action compares against when its reply is
// lost. SignedInAccount owns one; the bridge's billing handlers (core/handlers) call it.

import { join } from 'node:path';
import { AppError } from '../common/app-error';
import type { Account, InvoiceSummary } from '../common/api-schemas';
import type { AccountSnapshot, MoneyReply } from '../common/bridge-contract';
import { intentCharges, type MoneyStatus } from '../common/money-status';
import type { Clock } from '../common/platform-ports';
import type { GreenCloudClient } from '../api/greencloud-client';
import { MoneyDesk } from './money-desk';
import type { MoneyIntent } from './money-intent';
import { createPendingMoneyMarker } from './pending-money-marker';

export interface AccountBillingDeps {
  /** The app's data folder: markers live in its `billing/` folder, one file per account. */
  dataDir: string;
  /** `<baseUrl> <email>`: names the marker (hashed) and the card-change schedule entry. */
  accountKey: string;
  clock: Clock;
  client: () => GreenCloudClient;
  latestAccount: () => Account | undefined;
  /** GET /user, feeding the views and the quota watcher: the one account read after an action. */
  refreshAccount: () => Promise<AccountSnapshot>;
  fetchAccount: () => Promise<Account>;
  onChange: (status: MoneyStatus) => void;
}

export class AccountBilling {
  readonly accountKey: string;
  readonly #deps: AccountBillingDeps;
  readonly #desk: MoneyDesk;
  #invoices: InvoiceSummary[] | undefined;

  constructor(deps: AccountBillingDeps) {
    this.#deps = deps;
    this.accountKey = deps.accountKey;
    this.#desk = new MoneyDesk({
      marker: createPendingMoneyMarker(join(deps.dataDir, 'billing'), deps.accountKey),
      clock: deps.clock,
      latestAccount: deps.latestAccount,
      knownInvoices: () => this.#invoices,
      // The check's account read refreshes what every view and the watcher show.
      readAccount: async () => {
        const snapshot = await deps.refreshAccount();
        // A stale snapshot means the read failed: the check has not learnt anything yet.
        if (snapshot.stale) {
          throw new AppError(
            snapshot.lastError ?? { kind: 'offline', message: 'GreenCloud could not be read.' },
          );
        }
        return deps.latestAccount() ?? deps.fetchAccount();
      },
      readInvoices: () => this.listInvoices(),
      onChange: deps.onChange,
    });
  }

  /** At sign-in or restore: a marker left by an earlier run is read back and settled. */
  resume(): Promise<void> {
    return this.#desk.resume();
  }

  async listInvoices(): Promise<InvoiceSummary[]> {
    this.#invoices = await this.#deps.client().listInvoices();
    return this.#invoices;
  }

  setBundle(request: Parameters<GreenCloudClient['setBundle']>[0]): Promise<MoneyReply> {
    return this.#money({ action: 'set-bundle', bundle: request.name }, () =>
      this.#deps.client().setBundle(request),
    );
  }

  changeBundle(name: Parameters<GreenCloudClient['changeBundle']>[0]): Promise<MoneyReply> {
    return this.#money({ action: 'change-bundle', bundle: name }, () =>
      this.#deps.client().changeBundle(name),
    );
  }

  buyRefill(): Promise<MoneyReply> {
    return this.#money({ action: 'refill' }, () => this.#deps.client().buyRefill());
  }

  status(): MoneyStatus {
    return this.#desk.status();
  }

  /** True while a money request is on its way or its outcome is still being checked. */
  isBusy(): boolean {
    return this.#desk.isBusy();
  }

  /** The network is back: a check waiting for it runs now. */
  online(): void {
    this.#desk.online();
  }

  /** Stops for good (sign-out, quit); resolves once a check in progress has finished. */
  async stop(): Promise<void> {
    this.#desk.stop();
    await this.#desk.settled();
    this.#invoices = undefined;
  }

  /** One POST through the desk, then (when it answered) one account read. */
  async #money(intent: MoneyIntent, send: () => Promise<void>): Promise<MoneyReply> {
    const result = await this.#desk.run(intent, send);
    if (result.outcome === 'unknown') return result;
    // A charge added an invoice: the next before-state reads the list afresh (the Billing page's
    // reload does). A plan switch charges nothing, so the list known before it still holds.
    if (intentCharges(intent)) this.#invoices = undefined;
    return { outcome: 'done', snapshot: await this.#deps.refreshAccount() };
  }
}
