// Benchmark (prints figures, asserts nothing): GET /v1/user over HTTPS on loopback, in one run,
//  - baseline: a raw https.request on a kept-alive https.Agent (no validation, no parsing),
//  - the app: GreenCloudClient.getAccount() (network layer, schema parse, error mapping),
//  - for what the client adds above reading the reply at all: the baseline plus JSON.parse and the
//    account schema's check, the two things the app must do with every reply and the baseline skips,
//  - the old way for comparison: a fresh connection (and TLS handshake) per request.
// Goal: the app within 1.2× of the baseline. Also counts TCP connections opened by each, through
// Node's `net.client.socket` diagnostics channel. The sandbox runs in a process of its own.
//
//   npm run bench:keep-alive          (about 30 s; ROUNDS=... and PASSES=... change the sample)

import { subscribe } from 'node:diagnostics_channel';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { GreenCloudClient } from '../src-main/api/greencloud-client';
import { createHttpTransport } from '../src-main/api/http-transport';
import { accountResponse, readReply } from '../src-main/common/api-schemas';
import { ConnectionPool } from '../src-main/network/connection-pool';
import { createTrustContext } from '../src-main/network/trusted-certificates';
import { sandboxAccounts } from '../sandbox/seed-accounts';
import { createTestCa } from '../tests/helpers/test-ca';
import { startSandboxChild } from './sandbox-child';

const rounds = Number(process.env.ROUNDS ?? 2000);
const warmup = 200;
// Alternating passes, each side's best pass compared: a load spike on a shared machine then sways
// one pass, not the figure.
const passes = Number(process.env.PASSES ?? 5);
let sockets = 0;
subscribe('net.client.socket', () => {
  sockets += 1;
});

async function timeEach(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < warmup; i += 1) await run();
  const before = sockets;
  const samples: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
  return {
    label,
    mean,
    median: samples[Math.floor(samples.length / 2)]!,
    // This process's CPU time per request (the sandbox's is its own process's): less swayed than
    // wall time by other work on a shared machine, and it is what the client itself adds.
    cpuMicros: (cpu.user + cpu.system) / rounds,
    connections: sockets - before,
  };
}

async function main(): Promise<void> {
  const ca = createTestCa();
  const sandbox = await startSandboxChild(ca.issue({ names: ['127.0.0.1'] }));
  try {
    const secureContext = createTrustContext(() => [ca.rootPem]);
    const signIn = new GreenCloudClient({
      baseUrl: sandbox.apiBaseUrl,
      userAgent: 'bench',
      transport: createHttpTransport({ pool: new ConnectionPool({ secureContext }) }),
    });
    const { demo } = sandboxAccounts;
    const { accessToken } = await signIn.login({ email: demo.email, password: demo.password });
    const url = new URL(`${sandbox.apiBaseUrl}/user`);
    const headers = { Accept: 'application/json', Authorization: accessToken };

    const raw = (agent: https.Agent | false) => () =>
      new Promise<void>((resolve, reject) => {
        const req = https.request(
          url,
          { headers, agent, secureContext } as https.RequestOptions,
          (res) => {
            res.on('data', () => undefined);
            res.on('end', () => resolve());
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end();
      });
    const keptAlive = new https.Agent({ keepAlive: true, secureContext });
    const rawAndRead = () =>
      new Promise<void>((resolve, reject) => {
        const req = https.request(
          url,
          { headers, agent: keptAlive, secureContext } as https.RequestOptions,
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const read = readReply(accountResponse, JSON.parse(Buffer.concat(chunks).toString()));
              if (read.success) resolve();
              else reject(new Error('the account reply did not match its schema'));
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end();
      });
    const client = new GreenCloudClient({
      baseUrl: sandbox.apiBaseUrl,
      userAgent: 'bench',
      transport: createHttpTransport({ pool: new ConnectionPool({ secureContext }) }),
      auth: { accessToken: async () => accessToken, renewAccessToken: async () => accessToken },
    });

    // Interleaved so that warm-up and machine noise fall on both sides alike.
    const results: Awaited<ReturnType<typeof timeEach>>[] = [];
    for (let pass = 0; pass < passes; pass += 1) {
      results.push(await timeEach('raw https.request, kept alive (baseline)', raw(keptAlive)));
      results.push(await timeEach('GreenCloudClient.getAccount()', () => client.getAccount()));
      results.push(await timeEach('baseline + JSON.parse + schema check', rawAndRead));
    }
    const fresh = await timeEach('raw https.request, new connection each', raw(false));
    const best = (label: string) =>
      results.filter((r) => r.label === label).sort((a, b) => a.mean - b.mean)[0]!;
    const baseline = best('raw https.request, kept alive (baseline)');
    const app = best('GreenCloudClient.getAccount()');
    const read = best('baseline + JSON.parse + schema check');

    console.log(
      `GET /v1/user over HTTPS on loopback, ${rounds} sequential requests each (after ${warmup} warm-up), best of ${passes} alternating passes\n`,
    );
    console.log(
      'what                                          mean ms  median ms  CPU µs  TCP connections',
    );
    for (const r of [baseline, app, read, fresh]) {
      console.log(
        `${r.label.padEnd(44)}  ${r.mean.toFixed(3).padStart(7)}  ${r.median.toFixed(3).padStart(9)}  ${r.cpuMicros.toFixed(0).padStart(6)}  ${String(r.connections).padStart(15)}`,
      );
    }
    console.log(`\napp / baseline: ${(app.mean / baseline.mean).toFixed(2)}× (goal ≤ 1.20×)`);
    console.log(
      `app / baseline by median: ${(app.median / baseline.median).toFixed(2)}×; CPU time in this process: ${(app.cpuMicros / baseline.cpuMicros).toFixed(2)}×`,
    );
    // Each pass's own ratio (its baseline and app runs are neighbours in time): how far the
    // machine swayed the figure above within this one run.
    const pairRatios = Array.from({ length: passes }, (_, pass) => {
      const [raw, app] = [results[3 * pass]!, results[3 * pass + 1]!];
      return app.mean / raw.mean;
    }).sort((a, b) => a - b);
    console.log(
      `app / baseline pass by pass: ${pairRatios.map((r) => r.toFixed(2)).join(', ')}× (median ${pairRatios[Math.floor(passes / 2)]!.toFixed(2)}×)`,
    );
    console.log(
      `baseline + JSON.parse + schema check / baseline: ${(read.mean / baseline.mean).toFixed(2)}×; app / that: ${(app.mean / read.mean).toFixed(2)}× (what the client adds above reading the reply)`,
    );
    console.log(
      `new connection each / baseline: ${(fresh.mean / baseline.mean).toFixed(2)}× (what every request cost before)`,
    );
    keptAlive.destroy();
  } finally {
    await sandbox.close();
    ca.remove();
  }
}

void main();
