// Typed context for the shown account's billing store. The signed-in shell makes one per account
// (it is keyed on the account), so none of billing's code is in the sign-in screen's first load,
// and the Account view, the Billing page and Settings share its facts.

import { createContext } from 'svelte';
import type { BillingStore } from './billing-store.svelte';

export const [useBilling, provideBilling] = createContext<BillingStore>();
