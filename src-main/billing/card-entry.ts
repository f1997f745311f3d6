// "Add a card": main asks the Electron glue (or the test harness) to open the card window with a
// configuration, and parses what comes back. The window is a separate page in its own session with
// no access to the app's bridge; all main ever receives from it is a pm_ ID with brand, last four
// and expiry, or a choice to go on another way. Closing the window answers nothing: null.

import { AppError } from '../common/app-error';
import {
  cardWindowResult,
  type CardWindowConfig,
  type CardWindowMode,
  type CardWindowResult,
} from '../common/card-choice';
import type { Endpoint } from '../common/bridge-contract';
import type { OpenCardWindow, OpenExternal } from '../common/platform-ports';

/** Where the no-key window sends the customer to change the card in the browser. */
export const greencloudDashboardBillingUrl = 'https://greencloud.dev/dashboard/billing';

export function cardWindowMode(
  endpoint: Endpoint,
  publishableKey: string | undefined,
): CardWindowMode {
  if (endpoint.kind === 'sandbox') return 'sandbox';
  return publishableKey ? 'live' : 'no-key';
}

export async function chooseCardThroughWindow(
  open: OpenCardWindow | undefined,
  config: CardWindowConfig,
  openExternal: OpenExternal,
): Promise<CardWindowResult | null> {
  if (!open) {
    throw new AppError({
      kind: 'internal',
      message: 'GreenCloud Desktop could not open its card window. Please restart the app.',
    });
  }
  const raw = await open(config);
  if (raw === undefined || raw === null) return null;
  const parsed = cardWindowResult.safeParse(raw);
  if (!parsed.success) {
    throw new AppError({
      kind: 'unexpected-response',
      message:
        'The card window sent back something GreenCloud Desktop does not accept. Nothing was changed.',
    });
  }
  // A sandbox window can only hand back Stripe test IDs; a live one never hands back a pasted one
  // unless the user chose that way on.
  if (parsed.data.kind === 'dashboard') await openExternal(greencloudDashboardBillingUrl);
  return parsed.data;
}
