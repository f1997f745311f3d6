// The only web pages the app opens, always in the system browser: GreenCloud's own sites and
// Stripe's receipts. Everything else is refused, whatever asked for it (a link in the page, a
// window.open, an invoice's receiptUrl from the server).

const allowedHosts = [
  /^(?:[a-z0-9-]+\.)*greencloud\.dev$/,
  /^pay\.stripe\.com$/,
  /^receipt\.stripe\.com$/,
];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '')
    return false;
  return allowedHosts.some((host) => host.test(parsed.hostname));
}
