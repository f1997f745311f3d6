// The shown account's billing state: money actions and what the app knows about them (sending,
// checking a lost reply, settled), the card on file (the newest invoice's card, or the one just
// changed), invoices, and the billing facts for the endpoint. One per shown account, made by the
// signed-in shell, so the Account view's pace line, the Billing page and Settings write every
// amount from the same facts (`price`). Money replies carry the one account read main made after
// the action; the account store takes it from here, so no second GET /user is sent. Every call
// names the account the account store is bound to; events about others are ignored.

import type { BridgeResult } from '../../src-main/common/app-error';
import type {
  InvoiceDetail,
  InvoiceSummary,
  SetBundleRequest,
} from '../../src-main/common/api-schemas';
import type {
  AccountView,
  BillingPreferencesView,
  GreenCloudBridge,
  MoneyReply,
} from '../../src-main/common/bridge-contract';
import type { BundleName } from '../../src-main/common/bundles';
import type { CardWindowResult } from '../../src-main/common/card-choice';
import {
  intentCharges,
  type MoneyStatus,
  type MoneyStatusIntent,
} from '../../src-main/common/money-status';
import type { AccountStore } from './account-store.svelte';
import { listen, settle, type AppErrorData } from './bridge';
import { describeExpiry, planPrice } from './billing-text';
import { formatPrice } from './money-format';

export interface CardOnFile {
  brand?: string;
  last4?: string;
  /** "12/34" when known (a card chosen in this session). */
  expiry?: string;
  /** Where the app learnt it: the newest invoice, or the change just made. */
  source: 'invoice' | 'changed';
}

export class BillingStore {
  readonly #bridge: GreenCloudBridge;
  readonly #account: AccountStore;
  #money = $state<MoneyStatus>({ state: 'idle' });
  #preferences = $state<BillingPreferencesView | null>(null);
  #invoices = $state<InvoiceSummary[] | null>(null);
  #details = $state<Record<string, InvoiceDetail>>({});
  #invoicesError = $state<AppErrorData | null>(null);
  #invoicesLoading = $state(false);
  /** The list and its newest pages have been read (or failed): the card on file is as known. */
  #invoicesRead = $state(false);
  #changedCard = $state<CardOnFile | null>(null);
  #choosingCard = $state(false);

  readonly moneyBusy = $derived(this.#money.state !== 'idle');
  readonly newestInvoice = $derived(this.#invoices?.[0]);
  readonly cardOnFile = $derived<CardOnFile | null>(
    this.#changedCard ??
      (() => {
        // The newest invoice whose page has been read: a charge just made shows in the list a
        // moment before its page, and the card should not blink out meanwhile.
        const card = this.#invoices
          ?.map((invoice) => this.#details[invoice.id]?.payment?.card)
          .find((known) => known !== undefined);
        return card ? { brand: card.brand, last4: card.last4, source: 'invoice' as const } : null;
      })(),
  );

  constructor(bridge: GreenCloudBridge, account: AccountStore) {
    this.#bridge = bridge;
    this.#account = account;
  }

  get money(): MoneyStatus {
    return this.#money;
  }
  get preferences(): BillingPreferencesView | null {
    return this.#preferences;
  }
  get invoices(): InvoiceSummary[] | null {
    return this.#invoices;
  }
  get invoicesError(): AppErrorData | null {
    return this.#invoicesError;
  }
  get invoicesLoading(): boolean {
    return this.#invoicesLoading;
  }
  /** The currency and the card on file are as known as they will be: a sentence may name them. */
  get factsRead(): boolean {
    return this.#preferences !== null && this.#invoicesRead;
  }
  get choosingCard(): boolean {
    return this.#choosingCard;
  }
  detail(id: string): InvoiceDetail | undefined {
    return this.#details[id];
  }

  /**
   * An amount as every surface writes it, with its currency: the server's where it states one,
   * else the endpoint's billing currency, else the plain words of formatPrice.
   */
  price(
    amount: number | undefined,
    serverCurrency: string | undefined,
    inSentence = false,
  ): string {
    return formatPrice(amount, serverCurrency, this.#preferences?.currency, inSentence);
  }

  /** A plan's price on this account (billing-text's planPrice), written by `price`. */
  planPrice(account: AccountView, plan: string, inSentence = false): string {
    return this.price(planPrice(account, plan), account.bundle?.currency, inSentence);
  }

  subscribe(): () => void {
    return listen(this.#bridge.onMoneyChanged?.bind(this.#bridge), ({ accountId, status }) => {
      if (accountId !== this.#account.id) return;
      const settledNow = this.#money.state !== 'idle' && status.state === 'idle' && status.last;
      this.#money = status;
      // A lost reply has been settled: the invoices may hold the charge it made.
      if (settledNow) void this.loadInvoices();
    });
  }

  /** Everything the Billing page shows, once per visit. */
  async load(): Promise<void> {
    const [money] = await Promise.all([
      settle(() => this.#bridge.getMoneyStatus({ accountId: this.#account.id })),
      this.#reloadPreferences(),
    ]);
    if (money.ok) this.#money = money.value;
    await this.loadInvoices();
  }

  /** The endpoint's billing facts (currency, key), read once unless a page asks again (`load`). */
  async loadPreferences(): Promise<void> {
    if (this.#preferences === null) await this.#reloadPreferences();
  }

  /**
   * The card on file for a sentence outside the Billing page (the Account view's pace line): the
   * list and the newest invoice's page, once; nothing when the Billing page has read them.
   */
  async loadCardOnFile(): Promise<void> {
    if (this.#invoices === null && !this.#invoicesLoading) await this.loadInvoices(1);
  }

  /** The invoice list, and the pages of the newest `pages` (descriptions, receipts, the card). */
  async loadInvoices(pages = 8): Promise<void> {
    this.#invoicesLoading = true;
    this.#invoicesError = null;
    const result = await settle(() => this.#bridge.listInvoices({ accountId: this.#account.id }));
    this.#invoicesLoading = false;
    if (!result.ok) {
      this.#invoicesError = result.error;
      this.#invoicesRead = true;
      return;
    }
    this.#invoices = result.value.toSorted((a, b) => (b.paidDay ?? 0) - (a.paidDay ?? 0));
    // Descriptions and the card are on each invoice's own page: read the newest few (a page read
    // once is kept, so after a charge only the new invoice's page is read).
    await Promise.all(
      this.#invoices.slice(0, pages).map((invoice) => this.#loadDetail(invoice.id)),
    );
    this.#invoicesRead = true;
  }

  async #loadDetail(id: string): Promise<void> {
    if (this.#details[id]) return;
    const result = await settle(() => this.#bridge.getInvoice({ accountId: this.#account.id, id }));
    if (result.ok) this.#details = { ...this.#details, [id]: result.value };
  }

  async setCurrency(currency: string): Promise<BridgeResult<BillingPreferencesView>> {
    const result = await settle(() =>
      this.#bridge.setBillingPreferences({ accountId: this.#account.id, currency }),
    );
    if (result.ok) this.#preferences = result.value;
    return result;
  }

  async setPublishableKey(key: string): Promise<BridgeResult<BillingPreferencesView>> {
    const result = await settle(() =>
      this.#bridge.setBillingPreferences({
        accountId: this.#account.id,
        stripePublishableKey: key,
      }),
    );
    if (result.ok) this.#preferences = result.value;
    return result;
  }

  /** Opens the card window; null when it was closed without a card. One window at a time. */
  async chooseCard(
    purpose: 'change-card' | 'set-bundle',
  ): Promise<BridgeResult<CardWindowResult | null>> {
    if (this.#choosingCard) return { ok: true, value: null };
    this.#choosingCard = true;
    try {
      return await settle(() => this.#bridge.chooseCard({ accountId: this.#account.id, purpose }));
    } finally {
      this.#choosingCard = false;
    }
  }

  async changeCard(choice: CardWindowResult & { paymentMethod: string }) {
    const result = await settle(() =>
      this.#bridge.changeCard({
        accountId: this.#account.id,
        paymentMethod: choice.paymentMethod,
      }),
    );
    if (result.ok) {
      this.#preferences = result.value;
      this.#changedCard =
        choice.kind === 'card'
          ? {
              brand: choice.brand,
              last4: choice.last4,
              expiry: describeExpiry(choice),
              source: 'changed',
            }
          : { source: 'changed' };
    } else if (result.error.retryAt) {
      await this.#reloadPreferences();
    }
    return result;
  }

  buyRefill() {
    return this.#money_({ action: 'refill' }, () =>
      this.#bridge.buyRefill({ accountId: this.#account.id }),
    );
  }
  changeBundle(name: BundleName) {
    return this.#money_({ action: 'change-bundle', bundle: name }, () =>
      this.#bridge.changeBundle({ accountId: this.#account.id, name }),
    );
  }
  setBundle(request: SetBundleRequest) {
    return this.#money_({ action: 'set-bundle', bundle: request.name }, () =>
      this.#bridge.setBundle({ accountId: this.#account.id, ...request }),
    );
  }

  async #reloadPreferences(): Promise<void> {
    const preferences = await settle(() =>
      this.#bridge.getBillingPreferences({ accountId: this.#account.id }),
    );
    if (preferences.ok) this.#preferences = preferences.value;
  }

  /**
   * One request per intent: refused here while another money action runs or is being checked
   * (main refuses too). A done reply brings the account main read once. A charge (refill, set
   * bundle) then reads the invoice list and the new invoice's page, so the charge shows with its
   * description, receipt and card; a plan switch charges nothing and reads nothing more.
   */
  async #money_(
    intent: MoneyStatusIntent,
    run: () => Promise<BridgeResult<MoneyReply>>,
  ): Promise<BridgeResult<MoneyReply> | null> {
    if (this.moneyBusy) return null;
    this.#money = { state: 'sending', intent };
    const result = await settle(run);
    if (result.ok) {
      const reply = result.value;
      if (reply.outcome === 'done') {
        this.#account.apply(reply.snapshot);
        this.#money = { state: 'idle' };
        if (intentCharges(intent)) void this.loadInvoices();
      } else this.#money = reply.status;
    } else {
      const status = await settle(() =>
        this.#bridge.getMoneyStatus({ accountId: this.#account.id }),
      );
      this.#money = status.ok ? status.value : { state: 'idle' };
    }
    return result;
  }
}
