// Where the app's own page lives. The window loads the renderer from this privileged custom
// scheme, so a sender whose frame is anywhere else (an injected iframe, a navigation that slipped
// through) is refused by the handler registry.

import type { SessionState } from '../common/bridge-contract';

export const appScheme = 'app';
export const appHost = 'greencloud';
export const appOrigin = `${appScheme}://${appHost}`;

export function isAppPageUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

/**
 * The page a window opens on, path only (the app:// handler and the e2e harness serve the same
 * files). Both run the same app; `signed-in.html` is a build of its own whose one script holds the
 * signed-in side (scripts/renderer-build.ts), so a window opening signed in draws it in the first
 * render instead of after a lazy import. Main knows which applies when it makes the window.
 */
export function windowPagePath(session: Pick<SessionState, 'status'>): string {
  return session.status === 'signed-in' ? '/signed-in.html' : '/index.html';
}
