// The card window's only way out: the preload's `window.cardEntry.finish`. Whatever the page
// typed stays in the page; only the result (a pm_ ID with brand, last four and expiry, or a way
// on) is handed back.
import type { CardWindowResult } from '../../src-main/common/card-choice';
import type { CardEntryPort } from '../../src-main/common/card-entry-channel';

declare global {
  interface Window {
    cardEntry?: CardEntryPort;
  }
}

export function finishCardEntry(result: CardWindowResult | null): boolean {
  const port = window.cardEntry;
  if (!port || typeof port.finish !== 'function') return false;
  port.finish(result);
  return true;
}
