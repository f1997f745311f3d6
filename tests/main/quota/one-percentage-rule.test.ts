// The one rule for the quota's figures: the status main builds is what the tray, the banner and the
// gauge all show. At 9,996 of 100,000 the level is low and no surface may say "10%"; at 999 it is
// critical and every surface says "<1%"; above a bundle the words say how many bundles' worth.
import { describe, expect, it } from 'vitest';
import { buildTrayModel } from '../../../src-main/electron/tray-model';
import { defaultQuotaThresholds } from '../../../src-main/quota/quota-level';
import { buildQuotaStatus } from '../../../src-main/quota/quota-status';

function statusAt(quota: number) {
  return buildQuotaStatus({
    now: 10_000,
    lastGood: { at: 9_000, bundle: { name: 'DEVELOPER', quota } },
    lastPollFailed: false,
    samples: [],
    mute: { version: 1 },
    thresholds: defaultQuotaThresholds,
  });
}
const trayOf = (quota: number) =>
  buildTrayModel(statusAt(quota), { now: 10_000, formatTime: () => '' });

describe('one percentage rule, tray included', () => {
  it('9,996 of 100,000: low, 9% everywhere', () => {
    const status = statusAt(9_996);
    expect(status).toMatchObject({ level: 'low', dataLevel: 'low', percentLeft: 9.9 });
    expect(status.percentText).toBe('9%');
    expect(status.leftText).toBe('9,996 of 100,000 left (9%)');
    expect(status.summary).toBe('GreenCloud: DEVELOPER, 9,996 of 100,000 left (9%)');
    const tray = trayOf(9_996);
    expect(tray.title).toBe('9%');
    expect(tray.iconName).toBe('low');
    expect(tray.menu[0]).toEqual({ kind: 'label', label: status.summary });
  });

  it('999 of 100,000: critical, <1% everywhere', () => {
    const status = statusAt(999);
    expect(status).toMatchObject({ level: 'critical', percentLeft: 0.9, percentText: '<1%' });
    expect(status.leftText).toBe('999 of 100,000 left (<1%)');
    const tray = trayOf(999);
    expect(tray.title).toBe('<1%');
    expect(tray.iconName).toBe('critical');
    expect(tray.tooltip.startsWith('GreenCloud: DEVELOPER, 999 of 100,000 left (<1%)')).toBe(true);
  });

  it("200,000 of 100,000: ok, 2 bundles' worth, never '200,000 of 100,000'", () => {
    const status = statusAt(200_000);
    expect(status).toMatchObject({ level: 'ok', percentLeft: 200, percentText: '200%' });
    expect(status.leftText).toBe("200,000 left (2 bundles' worth)");
    expect(status.summary).toBe("GreenCloud: DEVELOPER, 200,000 left (2 bundles' worth)");
    const tray = trayOf(200_000);
    expect(tray.title).toBe('200%');
    expect(tray.iconName).toBe('normal');
    expect(tray.tooltip).not.toContain('of 100,000');
  });

  it('keeps the figures and their level while stale', () => {
    const status = buildQuotaStatus({
      now: 10_000,
      lastGood: { at: 9_000, bundle: { name: 'DEVELOPER', quota: 9_996 } },
      lastPollFailed: true,
      samples: [],
      mute: { version: 1 },
      thresholds: defaultQuotaThresholds,
    });
    expect(status).toMatchObject({ level: 'stale', dataLevel: 'low', percentText: '9%' });
  });
});

describe('the pace line knows when auto-renewal would kick in', () => {
  it('forecasts the 1% line before the run-out point', () => {
    const hour = 3_600_000;
    const status = buildQuotaStatus({
      now: 10 * hour,
      lastGood: { at: 10 * hour, bundle: { name: 'DEVELOPER', quota: 11_000 } },
      lastPollFailed: false,
      forecast: { rates: { lastHour: 1_000 }, ratePerHour: 1_000, runsOutAt: 21 * hour, text: 'x' },
      samples: [],
      mute: { version: 1 },
      thresholds: defaultQuotaThresholds,
    });
    // 11,000 left at 1,000 an hour: below 1,000 (1%) in 10 hours, empty in 11.
    expect(status.renewsAt).toBe(20 * hour);
    expect(status.runsOutAt).toBe(21 * hour);
  });
});
