// Replies that show the address points somewhere other than GreenCloud's API: a redirect (the API
// itself answers 302 for downloads, but never for the calls this app makes), or a web page where
// JSON belongs (a captive portal, a company sign-in page, a website at the API's address). Each gets
// a sentence that says what to change. Redirects are never followed: the request carries a token.

import type { HttpResponse } from './http-transport';

/** HTML, by its declared type or by its first character when the type is missing or wrong. */
export function isWebPage(response: HttpResponse): boolean {
  const type = String(response.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('text/html') || type.startsWith('application/xhtml')) return true;
  return /^\s*</.test(response.text);
}

/** A 2xx that is not JSON: a reply from something that is not GreenCloud's API. */
export function isForeignSuccess(response: HttpResponse): boolean {
  if (isWebPage(response)) return true;
  const type = String(response.headers['content-type'] ?? '').toLowerCase();
  // An empty reply needs no type; one with a body must say JSON or say nothing. (A search for any
  // non-space character, not a trimmed copy of the whole body on every reply.)
  return type !== '' && !type.includes('json') && /\S/.test(response.text);
}

export function wrongServerSentence(host: string, status: number): string {
  return `The server at ${host} answered with a web page, not GreenCloud's API (HTTP ${status}). Check the server address in Settings: it usually ends in /v1.`;
}

export function redirectSentence(response: HttpResponse, host: string): string {
  const location = safeUrl(response.headers.location);
  const hostname = safeUrl(`http://${host}`)?.hostname;
  if (location?.protocol === 'https:' && location.hostname === hostname) {
    return `The server at ${host} wants a secure connection. Change the server address in Settings to start with https://.`;
  }
  if (location && location.host !== host) {
    return `The server at ${host} sent GreenCloud Desktop on to ${location.host} (HTTP ${response.status}). Check the server address in Settings.`;
  }
  return `The server at ${host} sent GreenCloud Desktop to another address (HTTP ${response.status}). Check the server address in Settings.`;
}

function safeUrl(value: string | string[] | undefined): URL | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
