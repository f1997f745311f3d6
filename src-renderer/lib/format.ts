// Numbers, money and times, formatted the way the user's system does.

/**
 * A formatter made on first use: making one loads its locale data (a date-and-time formatter took
 * about 8 ms here), and the window's first screen needs only some of them.
 */
export function madeOnFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const integer = madeOnFirstUse(
  () => new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }),
);
const money = madeOnFirstUse(
  () => new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
);
const dateTime = madeOnFirstUse(
  () => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
);
const date = madeOnFirstUse(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }));
const time = madeOnFirstUse(() => new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }));

export function formatCount(value: number): string {
  return integer().format(value);
}

/** Prices and invoice amounts: the API does not state a currency, so none is invented here. */
export function formatAmount(value: number): string {
  return money().format(value);
}

export function formatPercent(value: number): string {
  return `${value.toLocaleString(undefined, { maximumFractionDigits: 1 })}%`;
}

/** "14:05" today, "3 Mar 2025, 14:05" on other days. */
export function formatWhen(epochMs: number, now = Date.now()): string {
  const then = new Date(epochMs);
  return new Date(now).toDateString() === then.toDateString()
    ? `today at ${time().format(then)}`
    : dateTime().format(then);
}

export function formatDateTime(epochMs: number): string {
  return dateTime().format(new Date(epochMs));
}

/** Invoice days arrive in Unix seconds. */
export function formatUnixDay(seconds: number): string {
  return date().format(new Date(seconds * 1000));
}

const relative = madeOnFirstUse(
  () => new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' }),
);

/** "just now", "12 min ago", "3 hr ago", "2 days ago": the exact time goes in the title. */
export function formatRelative(epochMs: number, now = Date.now()): string {
  const seconds = Math.round((epochMs - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative().format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 36) return relative().format(hours, 'hour');
  return relative().format(Math.round(hours / 24), 'day');
}
