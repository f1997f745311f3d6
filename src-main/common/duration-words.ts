// Rough durations in words, shared by main's forecast texts and the renderer's pace line, so both
// say "~19 hours" the same way.

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "~40 minutes", "~5 hours", "~3 days": a rough figure, because the forecast is rough. */
export function describeDuration(ms: number): string {
  if (ms < minute) return 'less than a minute';
  const plural = (n: number, unit: string) => `~${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms < 90 * minute) return plural(Math.round(ms / minute), 'minute');
  if (ms < 36 * hour) return plural(Math.round(ms / hour), 'hour');
  return plural(Math.round(ms / day), 'day');
}
