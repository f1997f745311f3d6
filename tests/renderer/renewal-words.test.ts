import { describe, expect, it } from 'vitest';
import type { QuotaStatus } from '../../src-main/common/bridge-contract';
import { renewalWhen } from '../../src-renderer/lib/renewal-words';

const now = 1_800_000_000_000;
const minute = 60_000;

function status(extra: Partial<QuotaStatus>): QuotaStatus {
  return { level: 'low', dataLevel: 'low', summary: '', forecastText: '', ...extra };
}

describe('renewalWhen: the one moment the banner and the pace line name', () => {
  it('names the renewal, not the run-out point, when auto-renewal is on', () => {
    const low = status({ renewsAt: now + 32 * minute, runsOutAt: now + 36 * minute });
    expect(renewalWhen(low, true, now)).toBe('Auto-renews in ~32 minutes');
  });

  it('says the renewal is due once below 1%, used up included, with or without a forecast', () => {
    expect(renewalWhen(status({ level: 'critical', dataLevel: 'critical' }), true, now)).toBe(
      'Auto-renewal is due',
    );
    expect(renewalWhen(status({ level: 'exhausted', dataLevel: 'exhausted' }), true, now)).toBe(
      'Auto-renewal is due',
    );
    expect(renewalWhen(status({ renewsAt: now + 20_000 }), true, now)).toBe('Auto-renewal is due');
    // Stale figures keep their own level: still due.
    expect(renewalWhen(status({ level: 'stale', dataLevel: 'critical' }), true, now)).toBe(
      'Auto-renewal is due',
    );
  });

  it('says nothing with auto-renewal off, or without history to say when', () => {
    expect(renewalWhen(status({ renewsAt: now + 32 * minute }), false, now)).toBeUndefined();
    expect(renewalWhen(status({ level: 'ok', dataLevel: 'ok' }), true, now)).toBeUndefined();
  });
});
