// Is the pinned Electron still supported? Electron fixes security bugs in its three newest major
// lines only, and ships a new major every 8 weeks (since Electron 15, 2021). So the newest major
// can be worked out offline from one known release date and the clock; the npm registry, when it
// answers, replaces that estimate with the real `latest` tag. The check in `npm test`
// (tests/scripts/electron-support.test.ts) uses both, so it still works on a machine without
// the network, and it is the registry that decides whenever it can be asked.

import { readFileSync } from 'node:fs';

/** How many major lines Electron supports at a time. */
export const supportedMajorCount = 3;

/** A known stable release, the anchor of the cadence: Electron 43.0.0 (the day 40 reached end of life). */
export const cadenceAnchor = { major: 43, date: Date.UTC(2026, 5, 30) };

const dayMs = 24 * 60 * 60 * 1000;
export const majorCadenceMs = 56 * dayMs;
/**
 * Electron's schedule slips around holidays by a week or two. The offline estimate waits this long
 * past a major's nominal date before counting it, so a late release never fails the check by
 * itself; the registry, when reachable, has no such slack.
 */
export const slipAllowanceMs = 21 * dayMs;

export interface NewestMajor {
  major: number;
  source: 'registry' | 'schedule';
}

/** The newest major the 8-week cadence says is out at `now` (after the slip allowance). */
export function scheduledNewestMajor(now: number): number {
  const elapsed = now - slipAllowanceMs - cadenceAnchor.date;
  return cadenceAnchor.major + Math.floor(elapsed / majorCadenceMs);
}

export function majorOf(version: string): number {
  const match = /^v?(\d+)\./.exec(version.trim());
  if (!match?.[1]) throw new Error(`"${version}" is not an Electron version number.`);
  return Number(match[1]);
}

/** The newest major: the registry's `latest` tag when given, otherwise the schedule's estimate. */
export function newestMajor(now: number, registryLatest?: string): NewestMajor {
  if (registryLatest !== undefined) return { major: majorOf(registryLatest), source: 'registry' };
  return { major: scheduledNewestMajor(now), source: 'schedule' };
}

/** Undefined while `pinned` is one of the supported majors; otherwise a sentence saying what to do. */
export function supportProblem(pinned: string, newest: NewestMajor): string | undefined {
  const oldestSupported = newest.major - supportedMajorCount + 1;
  const major = majorOf(pinned);
  if (major >= oldestSupported) return undefined;
  const from =
    newest.source === 'registry' ? 'the npm registry' : 'Electron’s 8-week release schedule';
  return (
    `Electron ${pinned} is no longer supported: ${from} puts the newest major at ${newest.major}, ` +
    `and only ${oldestSupported} to ${newest.major} get security fixes. Move to Electron ${newest.major}.`
  );
}

/** The Electron version package-lock.json pins (what `npm ci` installs), not package.json's range. */
export function pinnedElectronVersion(lockPath: string): string {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as {
    packages?: Record<string, { version?: string }>;
  };
  const version = lock.packages?.['node_modules/electron']?.version;
  if (version === undefined) throw new Error(`${lockPath} pins no Electron version.`);
  return version;
}

/**
 * Electron's `latest` dist-tag from the registry npm is configured with, or undefined when it
 * cannot be reached in time (offline, a proxy refusing): the caller falls back to the schedule.
 */
export async function registryLatestElectron(
  registry = process.env.npm_config_registry ?? 'https://registry.npmjs.org/',
  timeoutMs = 5_000,
): Promise<string | undefined> {
  const url = new URL(
    '-/package/electron/dist-tags',
    registry.endsWith('/') ? registry : `${registry}/`,
  );
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return undefined;
    const tags = (await response.json()) as { latest?: unknown };
    return typeof tags.latest === 'string' ? tags.latest : undefined;
  } catch {
    return undefined;
  }
}
