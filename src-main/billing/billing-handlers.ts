// The billing part of the core: the money calls through the MoneyDesk (one per signed-in account),
// the card window, invoices (the last list kept so a money action knows what was there before) and
// the billing facts per endpoint. app-core.ts composes this with the rest; no Electron here.

import { join } from 'node:path';
import { AppError } from '../common/app-error';
import type { Account, InvoiceSummary } from '../common/api-schemas';
import type {
  AccountSnapshot,
  BillingPreferencesView,
  Endpoint,
  MoneyReply,
} from '../common/bridge-contract';
import type { MoneyStatus } from '../common/money-status';
import { sandboxCurrency } from '../common/money';
import type { GreenCloudClient } from '../api/greencloud-client';
import type { BridgeHandlers } from '../core/handler-registry';
import { BillingPreferences, billingPreferencesPatch } from './billing-preferences';
import { CardChangeSchedule, cardChangeIntervalMs } from './card-change-schedule';
import { cardWindowMode, chooseCardThroughWindow, type OpenCardWindow } from './card-entry';
import { MoneyDesk, type MoneyDeskClock } from './money-desk';
import type { MoneyIntent } from './money-intent';
import { createPendingMoneyMarker } from './pending-money-marker';
import { validate } from '../common/validate';

export interface BillingDeps {
  dataDir: string;
  clock: MoneyDeskClock;
  client: () => GreenCloudClient;
  /** The signed-in account's endpoint and key (`<baseUrl> <email>`), or undefined signed out. */
  signedIn: () => { endpoint: Endpoint; accountKey: string } | undefined;
  latestAccount: () => Account | undefined;
  /** GET /user, feeding the views and the quota watcher: the one account read after an action. */
  refreshAccount: () => Promise<AccountSnapshot>;
  fetchAccount: () => Promise<Account>;
  openExternal: (url: string) => Promise<void>;
  openCardWindow?: OpenCardWindow;
  /** GreenCloud's own publishable key, set at build time; absent until GreenCloud publishes one. */
  greencloudPublishableKey?: string;
  emitMoney: (status: MoneyStatus) => void;
}

type BillingHandlerNames =
  | 'setBundle'
  | 'changeBundle'
  | 'buyRefill'
  | 'changeCard'
  | 'listInvoices'
  | 'chooseCard'
  | 'getMoneyStatus'
  | 'getBillingPreferences'
  | 'setBillingPreferences';

export interface Billing {
  handlers: Pick<BridgeHandlers, BillingHandlerNames>;
  /** A session began for this account: read back any pending marker and settle it. */
  signedIn(accountKey: string): void;
  signedOut(): void;
  online(): void;
  /** True while a money request is on its way or its outcome is still being checked. */
  isMoneyBusy(): boolean;
  shutdown(): Promise<void>;
}

const idle: MoneyStatus = { state: 'idle' };

export function createBilling(deps: BillingDeps): Billing {
  const preferences = new BillingPreferences(deps.dataDir);
  const cardChanges = new CardChangeSchedule(deps.dataDir);
  const markerDir = join(deps.dataDir, 'billing');
  let desk: MoneyDesk | undefined;
  let deskKey: string | undefined;
  let invoices: InvoiceSummary[] | undefined;

  const readInvoices = async () => {
    invoices = await deps.client().listInvoices();
    return invoices;
  };

  const requireDesk = (): MoneyDesk => {
    if (!desk) throw new AppError({ kind: 'needs-login', message: 'Please sign in first.' });
    return desk;
  };

  const startDesk = (accountKey: string) => {
    if (deskKey === accountKey) return;
    stopDesk();
    deskKey = accountKey;
    desk = new MoneyDesk({
      marker: createPendingMoneyMarker(markerDir, accountKey),
      clock: deps.clock,
      latestAccount: deps.latestAccount,
      knownInvoices: () => invoices,
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
      readInvoices,
      onChange: deps.emitMoney,
    });
    void desk.resume();
  };

  const stopDesk = () => {
    desk?.stop();
    desk = undefined;
    deskKey = undefined;
    invoices = undefined;
  };

  /** One POST through the desk, then (when it answered) one account read. */
  const money = async (intent: MoneyIntent, send: () => Promise<void>): Promise<MoneyReply> => {
    const result = await requireDesk().run(intent, send);
    if (result.outcome === 'unknown') return result;
    invoices = undefined; // a charge added one: the next before-state reads the list afresh
    return { outcome: 'done', snapshot: await deps.refreshAccount() };
  };

  const currentEndpoint = () => {
    const who = deps.signedIn();
    if (!who) throw new AppError({ kind: 'needs-login', message: 'Please sign in first.' });
    return who;
  };

  const preferencesView = async (): Promise<BillingPreferencesView> => {
    const { endpoint, accountKey } = currentEndpoint();
    const nextCardChangeAt = await cardChanges.nextChangeAt(accountKey, deps.clock.now());
    const stored = await preferences.forEndpoint(endpoint.baseUrl);
    const view: BillingPreferencesView = {
      currencyFixed: endpoint.kind === 'sandbox',
      currency: endpoint.kind === 'sandbox' ? sandboxCurrency : stored.currency,
      publishableKeySource:
        endpoint.kind === 'sandbox'
          ? 'sandbox'
          : stored.stripePublishableKey
            ? 'setting'
            : endpoint.kind === 'greencloud' && deps.greencloudPublishableKey
              ? 'build'
              : 'none',
    };
    if (stored.stripePublishableKey) view.stripePublishableKey = stored.stripePublishableKey;
    if (nextCardChangeAt !== undefined) view.nextCardChangeAt = nextCardChangeAt;
    return view;
  };

  const publishableKeyFor = async (endpoint: Endpoint) =>
    (await preferences.forEndpoint(endpoint.baseUrl)).stripePublishableKey ??
    (endpoint.kind === 'greencloud' ? deps.greencloudPublishableKey : undefined);

  const handlers: Billing['handlers'] = {
    setBundle: (request) =>
      money({ action: 'set-bundle', bundle: request.name }, () => deps.client().setBundle(request)),
    changeBundle: ({ name }) =>
      money({ action: 'change-bundle', bundle: name }, () => deps.client().changeBundle(name)),
    buyRefill: () => money({ action: 'refill' }, () => deps.client().buyRefill()),
    changeCard: async ({ paymentMethod }) => {
      const { accountKey } = currentEndpoint();
      try {
        await deps.client().changeCard(paymentMethod);
      } catch (error) {
        if (error instanceof AppError && error.kind === 'too-soon' && error.retryAt)
          await cardChanges.remember(accountKey, error.retryAt);
        throw error;
      }
      await cardChanges.remember(accountKey, deps.clock.now() + cardChangeIntervalMs);
      return preferencesView();
    },
    listInvoices: () => readInvoices(),
    chooseCard: async ({ purpose }) => {
      const { endpoint } = currentEndpoint();
      const publishableKey =
        endpoint.kind === 'sandbox' ? undefined : await publishableKeyFor(endpoint);
      const currency = (await preferencesView()).currency ?? sandboxCurrency;
      return chooseCardThroughWindow(
        deps.openCardWindow,
        {
          mode: cardWindowMode(endpoint, publishableKey),
          ...(publishableKey ? { publishableKey } : {}),
          purpose,
          currency: currency.toLowerCase(),
        },
        deps.openExternal,
      );
    },
    getMoneyStatus: async () => desk?.status() ?? idle,
    getBillingPreferences: () => preferencesView(),
    setBillingPreferences: async (patch) => {
      const valid = validate(billingPreferencesPatch, patch);
      const { endpoint } = currentEndpoint();
      if (endpoint.kind === 'sandbox' && valid.currency !== undefined) {
        throw new AppError({
          kind: 'not-allowed',
          field: 'currency',
          message: 'The sandbox bills in US dollars; its currency cannot be changed.',
        });
      }
      await preferences.update(endpoint.baseUrl, valid);
      return preferencesView();
    },
  };

  return {
    handlers,
    signedIn: startDesk,
    signedOut: stopDesk,
    online: () => desk?.online(),
    isMoneyBusy: () => desk?.isBusy() ?? false,
    async shutdown() {
      await desk?.settled();
      stopDesk();
    },
  };
}
