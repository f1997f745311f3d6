// The Electron-major check of `npm test`: the pure rule against dates around the cadence, then the
// real check of this repository's package-lock against the registry (or the schedule offline).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  majorOf,
  newestMajor,
  pinnedElectronVersion,
  registryLatestElectron,
  scheduledNewestMajor,
  supportProblem,
} from '../../scripts/electron-support';

const day = 24 * 60 * 60 * 1000;
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

describe('scheduledNewestMajor', () => {
  it('counts one major per 8 weeks from Electron 43 (2026-06-30), three weeks after each date', () => {
    expect(scheduledNewestMajor(utc(2026, 7, 20))).toBe(42); // 43 nominally out, within the slip
    expect(scheduledNewestMajor(utc(2026, 7, 21))).toBe(43);
    expect(scheduledNewestMajor(utc(2026, 12, 1))).toBe(45); // 45 came on 2026-10-20
    expect(scheduledNewestMajor(utc(2027, 1, 5) - 1)).toBe(45); // 46 nominally on 2026-12-15
    expect(scheduledNewestMajor(utc(2027, 1, 5))).toBe(46);
    expect(scheduledNewestMajor(utc(2027, 1, 5) + 56 * day)).toBe(47);
  });
});

describe('supportProblem', () => {
  it('accepts the three newest majors and refuses the fourth, naming where the figure came from', () => {
    const newest = newestMajor(utc(2026, 12, 1));
    expect(newest).toEqual({ major: 45, source: 'schedule' });
    expect(supportProblem('45.5.0', newest)).toBeUndefined();
    expect(supportProblem('43.0.2', newest)).toBeUndefined();
    expect(supportProblem('42.9.1', newest)).toBe(
      'Electron 42.9.1 is no longer supported: Electron’s 8-week release schedule puts the newest ' +
        'major at 45, and only 43 to 45 get security fixes. Move to Electron 45.',
    );
    expect(supportProblem('40.8.5', newest)).toMatch(/^Electron 40\.8\.5 is no longer supported/);
  });

  it('lets the registry overrule the schedule both ways', () => {
    const now = utc(2026, 12, 1);
    // The registry knows of 48 already (the schedule would say 45): 45 has fallen out.
    expect(supportProblem('45.5.0', newestMajor(now, '48.0.0'))).toContain('the npm registry');
    // A late release: the schedule's guess does not fail a build the registry says is fine.
    expect(newestMajor(utc(2027, 3, 1), '46.1.0')).toEqual({ major: 46, source: 'registry' });
    expect(supportProblem('44.0.0', newestMajor(utc(2027, 3, 1), '46.1.0'))).toBeUndefined();
  });

  it('refuses a version that is not one', () => {
    expect(() => majorOf('latest')).toThrow('"latest" is not an Electron version number.');
  });
});

describe('registryLatestElectron', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  async function registry(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/npm`;
  }

  it('reads the latest dist-tag from the configured registry', async () => {
    let asked = '';
    const url = await registry((req, res) => {
      asked = req.url ?? '';
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ latest: '45.5.0', beta: '46.0.0-beta.3' }));
    });
    expect(await registryLatestElectron(url)).toBe('45.5.0');
    expect(asked).toBe('/npm/-/package/electron/dist-tags');
  });

  it('is undefined, quickly, when the registry fails or never answers', async () => {
    const failing = await registry((_req, res) => res.writeHead(503).end());
    expect(await registryLatestElectron(failing)).toBeUndefined();
    await new Promise<void>((done) => server!.close(() => done()));
    const silent = await registry(() => undefined);
    const started = Date.now();
    expect(await registryLatestElectron(silent, 300)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
    server!.closeAllConnections();
  });
});

describe('this repository', () => {
  it('pins an Electron major that still gets security fixes', async () => {
    const pinned = pinnedElectronVersion('package-lock.json');
    const latest = await registryLatestElectron();
    const newest = newestMajor(Date.now(), latest);
    console.log(
      `Electron check: pinned ${pinned}; newest major ${newest.major} (from the ${newest.source}).`,
    );
    expect(supportProblem(pinned, newest)).toBeUndefined();
  });
});
