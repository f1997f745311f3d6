// The card window: a small modal window in its own in-memory session partition, with its own
// preload (one call: `cardEntry.finish`) and its own CSP. It never gets the app's bridge: its
// preload exposes none, and the handler registry trusts only app://greencloud frames anyway.
//
// Stripe.js refuses live mode on a page that is not served over https. A custom scheme, even one
// registered with `protocol.registerSchemesAsPrivileged({ secure: true, standard: true })` as
// app:// is, makes a secure context but not an `https:` page, and Stripe checks for https. So the
// card partition's protocol handler answers one https host GreenCloud owns
// (desktop-card.greencloud.dev) from the app's built files, and passes every other https request
// (js.stripe.com, api.stripe.com, Stripe's iframes) to the network untouched. The page thus has a
// genuine https origin without a local web server, certificate or open port, its bytes never come
// from the network, and the interception lives only in this partition.
import { readFile } from 'node:fs/promises';
import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';
import type { CardWindowConfig } from '../common/card-choice';
import { cardContentSecurityPolicy } from '../core/card-content-security-policy';
import { cardPageUrl } from '../core/card-page';
import type { OpenCardWindow } from '../common/platform-ports';
import { contentTypeFor } from './app-protocol-paths';
import { isCardPageHostRequest, resolveCardPageFile } from './card-page-files';
import { secureWebPreferences } from './web-preferences';
import { denyAllPermissions } from './web-contents-guard';

/** In memory only (no `persist:`): nothing typed in the card window outlives it on disk. */
export const cardPartition = 'greencloud-card-entry';

export interface CardWindowDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  cardSession: () => Session;
  /** Passes a request on to the network, past this partition's handlers (net.fetch). */
  fetchFromNetwork: (request: Request) => Promise<Response>;
  /** Listens on the card window's one channel (ipc-card-entry.ts); returns the unsubscribe. */
  onResult: (window: BrowserWindow, handler: (payload: unknown) => void) => () => void;
  parent: () => BrowserWindow | undefined;
  preloadPath: string;
  /** out/card: the card page's own build (card-window.vite.config.ts). */
  rendererDir: string;
}

export function createCardWindowOpener(deps: CardWindowDeps): OpenCardWindow {
  let prepared = false;
  let open: Promise<unknown> | undefined;

  const prepareSession = () => {
    if (prepared) return;
    prepared = true;
    const session = deps.cardSession();
    denyAllPermissions(session);
    session.protocol.handle('https', async (request) => {
      if (!isCardPageHostRequest(request.url)) return deps.fetchFromNetwork(request);
      const mode = new URL(request.url).searchParams.get('mode');
      const csp = cardContentSecurityPolicy(mode === 'live' ? 'live' : undefined);
      const file = resolveCardPageFile(deps.rendererDir, request.url);
      const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
      if (file === undefined) return new Response('Not found', { status: 404, headers });
      try {
        const body = await readFile(file);
        return new Response(body, {
          headers: { ...headers, 'Content-Type': contentTypeFor(file) },
        });
      } catch {
        return new Response('Not found', { status: 404, headers });
      }
    });
  };

  return (config: CardWindowConfig) => {
    // One card window at a time: a second "Add a card" brings the first one forward.
    if (open) return open;
    prepareSession();
    const parent = deps.parent();
    const window = deps.createWindow({
      width: 480,
      height: 620,
      minWidth: 380,
      minHeight: 480,
      title: 'Add a card',
      show: false,
      ...(parent ? { parent, modal: true } : {}),
      webPreferences: { ...secureWebPreferences(deps.preloadPath), partition: cardPartition },
    });
    open = new Promise<unknown>((resolve) => {
      let result: unknown;
      const stopListening = deps.onResult(window, (payload) => {
        result = payload;
        window.close();
      });
      window.once('closed', () => {
        stopListening();
        open = undefined;
        resolve(result);
      });
    });
    window.once('ready-to-show', () => window.show());
    void window.loadURL(cardPageUrl(config));
    return open;
  };
}
