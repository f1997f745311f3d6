// Typed context for the Billing page's store. The page (and Settings' billing row) makes its own
// BillingStore when it opens, so none of billing's code is in the sign-in screen's first load.

import { createContext } from 'svelte';
import type { BillingStore } from './billing-store.svelte';

export const [useBilling, provideBilling] = createContext<BillingStore>();
