// Where the card window's page lives. Stripe.js refuses live mode on a page that is not served
// over https, and a custom scheme (app://, even registered `secure: true, standard: true`) is a
// secure context but still not `https:`. So the card window's own session answers one https host
// that GreenCloud owns with the app's built files (see src-main/electron/card-window.ts): the page
// has a real https origin, its bytes never come from the network, and the interception exists only
// in that window's partition, never in the main window's session.

import { cardWindowQuery, type CardWindowConfig } from '../common/card-window-config';

export const cardPageHost = 'desktop-card.greencloud.dev';
export const cardPageOrigin = `https://${cardPageHost}`;
export const cardPagePath = '/card.html';

export function cardPageUrl(config: CardWindowConfig, origin = cardPageOrigin): string {
  return `${origin}${cardPagePath}?${cardWindowQuery(config)}`;
}

export function isCardPageUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const parsed = new URL(url);
    return parsed.origin === cardPageOrigin && parsed.pathname === cardPagePath;
  } catch {
    return false;
  }
}
