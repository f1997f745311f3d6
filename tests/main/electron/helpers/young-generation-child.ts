// Runs in a fresh Node process: allocates as a burst of work does (objects that live through a few
// scavenges), with or without the main process's young-generation cap, and prints the young
// generation's size afterwards in MiB.

import v8 from 'node:v8';
import { capYoungGeneration } from '../../../../src-main/electron/young-generation-cap';

if (process.argv[2] === 'capped') capYoungGeneration();
const kept: { n: number; s: string }[] = [];
for (let round = 0; round < 200; round += 1) {
  for (let i = 0; i < 20_000; i += 1) kept.push({ n: i, s: `item ${i}` });
  if (kept.length > 200_000) kept.splice(0, 100_000);
}
const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
process.stdout.write(`${(young?.space_size ?? 0) / 1024 / 1024}\n`);
