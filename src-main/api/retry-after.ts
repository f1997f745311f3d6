// HTTP's Retry-After header (RFC 9110 §10.2.3) as an epoch-ms moment: either a number of seconds
// or an HTTP date. GreenCloud sends seconds; a proxy in between may send a date.

export function retryAtFrom(
  header: string | string[] | undefined,
  now: number,
): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return now + Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(date, now);
}

/** "in about 3 hours", for sentences that must not depend on the user's locale or time zone. */
export function describeWait(retryAt: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((retryAt - now) / 60_000));
  if (minutes < 60) return minutes === 1 ? 'in about a minute' : `in about ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? 'in about an hour' : `in about ${hours} hours`;
}
