// Counts the money calls that are running (a purchase, a bundle or a card change), so the updater
// never restarts the app halfway through one. issue-10's pending-payment check joins this answer
// through `alsoBusy`; the updater only ever sees the one function, isMoneyBusy().

import type { BridgeHandlers } from './handler-registry';

/** The bridge calls that can charge the customer or change how they pay. */
export const moneyCallNames = ['setBundle', 'changeBundle', 'buyRefill', 'changeCard'] as const;

export interface MoneyInFlight {
  /** The handlers with each money call counted while it runs. */
  handlers: BridgeHandlers;
  isMoneyBusy(): boolean;
}

export function trackMoneyInFlight(
  handlers: BridgeHandlers,
  alsoBusy: () => boolean = () => false,
): MoneyInFlight {
  let running = 0;
  const tracked: BridgeHandlers = { ...handlers };
  for (const name of moneyCallNames) {
    const handler = handlers[name] as (request: never) => Promise<unknown>;
    (tracked as Record<string, unknown>)[name] = async (request: never) => {
      running++;
      try {
        return await handler(request);
      } finally {
        running--;
      }
    };
  }
  return { handlers: tracked, isMoneyBusy: () => running > 0 || alsoBusy() };
}
