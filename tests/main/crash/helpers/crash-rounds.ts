// What the writer child writes in round n, so the parent can tell which round a file holds.

export const projectName = 'greencloud-crash-test';

/** 15..900 seconds: always a valid poll interval, and different from the default 60 in round 1. */
export function pollIntervalFor(round: number): number {
  return 15 + (round % 886);
}

export function alertValue(round: number) {
  return { version: 1, round, armed: { low: round % 2 === 0, critical: true } };
}

/** Four days of samples at one a minute, about 150 KB: big enough that kills land mid-write. */
export const historySamples = 5_000;

export function historyValue(round: number) {
  const samples: [number, number, string][] = [];
  for (let i = 0; i < historySamples; i += 1)
    samples.push([round * 1e6 + i, 100_000 - i, 'DEVELOPER']);
  return { version: 1, round, samples };
}
