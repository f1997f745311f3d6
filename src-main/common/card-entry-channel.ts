// The card window's one way back to main, without zod or the contract, so the card preload
// bundles nothing but these few lines.
import type { CardWindowResult } from './card-choice';

/** The one IPC channel the card window's preload may send on: its result, or null for Cancel. */
export const cardEntryChannel = 'greencloud-card:finish';

/** `window.cardEntry` in the card window: one call to hand back the result. */
export interface CardEntryPort {
  finish(result: CardWindowResult | null): void;
}
