// QuotaStatus values for the tray tests: a base status with the fields each test changes.
import type { QuotaStatus } from '../../../src-main/common/bridge-contract';

export function quotaStatus(overrides: Partial<QuotaStatus> = {}): QuotaStatus {
  return {
    level: 'low',
    bundle: 'DEVELOPER',
    quota: 8_200,
    bundleSize: 100_000,
    percentLeft: 8.2,
    percentText: '8%',
    leftText: '8,200 of 100,000 left (8%)',
    summary: 'GreenCloud: DEVELOPER, 8,200 of 100,000 left (8%)',
    forecastText: 'runs out in ~2 days',
    ...overrides,
  };
}
