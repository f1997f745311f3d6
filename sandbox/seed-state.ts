// The accounts every sandbox starts with (and returns to on POST /_sandbox/reset). The sign-in
// details are the published ones from seed-accounts.ts; the rest is made up but passes every rule
// in the contract, so the app can re-submit any of it unchanged.

import { bundleSizes } from '../src-main/common/bundles';
import { cardFor, describeBundle, receiptUrlFor, sandboxBundlePrices } from './billing';
import { sandboxAccounts } from './seed-accounts';
import type { SandboxAccount, SandboxInvoice, SandboxState } from './state';

const day = 86_400_000;

function pastInvoice(id: string, account: SandboxAccount, paidAt: number): SandboxInvoice {
  const name = account.bundle.name;
  return {
    id,
    amount: sandboxBundlePrices[name],
    status: 'paid',
    paidDay: Math.floor(paidAt / 1000),
    description: describeBundle(name, 'renewal'),
    card: { brand: account.card.brand, last4: account.card.last4 },
    receiptUrl: receiptUrlFor(id),
  };
}

export function seedState(now: number): SandboxState {
  const demo: SandboxAccount = {
    id: '65f1c2a93b7d4c589e21a0b1',
    email: sandboxAccounts.demo.email,
    password: sandboxAccounts.demo.password,
    name: 'Dana',
    surname: 'Demo',
    address: {
      company: 'GreenCloud',
      street: 'My House 8295',
      district: 'Entre Rios',
      city: 'Parana',
      postCode: '3100',
      country: 'AR',
    },
    apiKey: sandboxAccounts.demo.apiKey,
    usedTotpSteps: new Set(),
    bundle: { name: 'DEVELOPER', quota: bundleSizes.DEVELOPER },
    flags: { bundleAutoRenewal: true, lowQuotaNotification: true },
    card: cardFor('pm_card_visa'),
    cardDeclined: false,
    invoices: [],
  };
  demo.invoices = [
    pastInvoice('inv_000002', demo, now - 30 * day),
    pastInvoice('inv_000001', demo, now - 61 * day),
  ];

  const twofa: SandboxAccount = {
    id: '65f1c2a93b7d4c589e21a0b2',
    email: sandboxAccounts.twofa.email,
    password: sandboxAccounts.twofa.password,
    name: 'Tomas',
    surname: 'Twofa',
    address: {
      street: 'Rua Augusta 1500',
      district: 'Consolacao',
      city: 'Sao Paulo',
      postCode: '01305100',
      country: 'BR',
    },
    // Not published: API-key sign-in is demonstrated with the demo account.
    apiKey: '0b8e4d2c-7a15-4f3e-a6c9-5d2e8f1b3a70',
    totpSecret: sandboxAccounts.twofa.totpSecret,
    usedTotpSteps: new Set(),
    bundle: { name: 'STARTER', quota: bundleSizes.STARTER },
    flags: { bundleAutoRenewal: false, lowQuotaNotification: true },
    card: cardFor('pm_card_mastercard'),
    cardDeclined: false,
    invoices: [],
  };
  twofa.invoices = [pastInvoice('inv_000003', twofa, now - 12 * day)];

  const empty: SandboxAccount = {
    id: '65f1c2a93b7d4c589e21a0b3',
    email: sandboxAccounts.empty.email,
    password: sandboxAccounts.empty.password,
    name: 'Emma',
    surname: 'Empty',
    address: {
      street: 'Calle Mayor 12',
      city: 'Madrid',
      postCode: '28013',
      country: 'ES',
    },
    apiKey: '3c9a7e51-2b8d-4f06-9d3e-7a1c5b2e8f40',
    usedTotpSteps: new Set(),
    bundle: { name: 'STARTER', quota: bundleSizes.STARTER },
    flags: { bundleAutoRenewal: false, lowQuotaNotification: true },
    card: cardFor('pm_card_visa'),
    cardDeclined: false,
    invoices: [],
  };

  return {
    accounts: [demo, twofa, empty],
    accessTokens: new Map(),
    refreshTokens: new Map(),
    outbox: [],
    nextInvoiceNumber: 4,
  };
}
