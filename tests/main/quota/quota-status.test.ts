import { describe, expect, it } from 'vitest';
import { applyMute, isMuted, nextLocalMidnight } from '../../../src-main/quota/alert-mute';
import { defaultQuotaThresholds } from '../../../src-main/quota/quota-level';
import {
  buildQuotaStatus,
  quotaSummary,
  signedOutQuotaStatus,
} from '../../../src-main/quota/quota-status';

describe('quota status', () => {
  it('words the summary line with en-US grouping', () => {
    expect(quotaSummary('DEVELOPER', 8_200, 100_000)).toBe(
      'GreenCloud: DEVELOPER, 8,200 of 100,000 left (8%)',
    );
    expect(quotaSummary('DEVELOPER', 500, 100_000)).toBe(
      'GreenCloud: DEVELOPER, 500 of 100,000 left (<1%)',
    );
    expect(quotaSummary('DEVELOPER', 9_990, 100_000)).toBe(
      'GreenCloud: DEVELOPER, 9,990 of 100,000 left (9%)',
    );
    expect(quotaSummary('NEWPLAN', 1_234, undefined)).toBe('GreenCloud: NEWPLAN, 1,234 left');
    expect(signedOutQuotaStatus().summary).toBe('GreenCloud: signed out');
    expect(signedOutQuotaStatus().level).toBe('signed-out');
  });

  it('keeps the numbers when the last poll failed, with level stale', () => {
    const status = buildQuotaStatus({
      now: 1_000,
      lastGood: { at: 500, bundle: { name: 'DEVELOPER', quota: 8_200 } },
      lastPollFailed: true,
      samples: [],
      mute: { version: 1 },
      thresholds: defaultQuotaThresholds,
    });
    expect(status).toMatchObject({
      level: 'stale',
      quota: 8_200,
      bundleSize: 100_000,
      percentLeft: 8.2,
      lastGoodAt: 500,
    });
    expect(status.summary).toBe('GreenCloud: DEVELOPER, 8,200 of 100,000 left (8%)');
  });

  it('mutes for an hour, until local midnight, or until unmuted', () => {
    const now = new Date(2025, 5, 10, 15, 30).getTime();
    expect(applyMute('1h', now).until).toBe(now + 3_600_000);
    const midnight = nextLocalMidnight(now);
    expect(new Date(midnight).getHours()).toBe(0);
    expect(new Date(midnight).getDate()).toBe(11);
    expect(isMuted(applyMute('tomorrow', now), midnight - 1)).toBe(true);
    expect(isMuted(applyMute('tomorrow', now), midnight)).toBe(false);
    expect(isMuted(applyMute('off', now), now + 1e12)).toBe(true);
    expect(isMuted(applyMute('unmute', now), now)).toBe(false);
  });
});
