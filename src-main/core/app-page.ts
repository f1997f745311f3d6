// Where the app's own page lives. The window loads the renderer from this privileged custom
// scheme, so a sender whose frame is anywhere else (an injected iframe, a navigation that slipped
// through) is refused by the handler registry.

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
