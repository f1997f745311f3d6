// Which built file answers a request to the card window's https host: the card page and the
// build's assets, nothing else (not the app window's index.html), with the same path checks as
// app:// (resolveAppFile). Pure, so it runs under vitest.
import { appOrigin } from '../core/app-page';
import { cardPageOrigin, cardPagePath } from '../core/card-page';
import { resolveAppFile } from './app-protocol-paths';

export function resolveCardPageFile(rootDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== cardPageOrigin) return undefined;
  if (url.pathname !== cardPagePath && !url.pathname.startsWith('/assets/')) return undefined;
  return resolveAppFile(rootDir, `${appOrigin}${url.pathname}`);
}

export function isCardPageHostRequest(requestUrl: string): boolean {
  try {
    return new URL(requestUrl).origin === cardPageOrigin;
  } catch {
    return false;
  }
}
