// Locks down every web contents the app ever creates (the main window and anything else Chromium
// makes): no navigation away from the app, no new windows, no <webview>, no permissions. Links the
// core allows leave for the system browser; everything else is dropped.
import type { App, Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from '../core/external-links';

type OpenExternal = (url: string) => Promise<void>;

function openIfAllowed(url: string, openExternal: OpenExternal): void {
  if (isAllowedExternalUrl(url)) void openExternal(url).catch(() => undefined);
}

export function guardWebContents(contents: WebContents, openExternal: OpenExternal): void {
  // The app is a single page: any navigation is either a link meant for the browser or an attack.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfAllowed(url, openExternal);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, openExternal);
    return { action: 'deny' };
  });
}

/** Applies `guardWebContents` to every web contents, including ones created later. */
export function guardAllWebContents(app: App, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
}

/** The app needs no camera, notifications-from-page, geolocation or anything else. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
