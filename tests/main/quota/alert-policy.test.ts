import { describe, expect, it } from 'vitest';
import {
  evaluateAlerts,
  type AlertState,
  type Observation,
} from '../../../src-main/quota/alert-policy';
import { defaultQuotaThresholds } from '../../../src-main/quota/quota-level';

const size = 100_000;
const hour = 3_600_000;

function observe(quota: number, extra: Partial<Observation> = {}): Observation {
  return {
    now: 0,
    bundle: 'DEVELOPER',
    quota,
    bundleSize: size,
    autoRenewal: false,
    alertsAllowed: true,
    earlyWarningEnabled: false,
    runsOutAt: undefined,
    forecastText: '',
    thresholds: defaultQuotaThresholds,
    ...extra,
  };
}

/** Feeds observations in order and returns every alert kind sent. */
function run(quotas: Array<number | Observation>, start?: AlertState) {
  let state = start;
  const kinds: string[] = [];
  for (const q of quotas) {
    const decision = evaluateAlerts(state, typeof q === 'number' ? observe(q) : q);
    state = decision.state;
    kinds.push(...decision.alerts.map((a) => a.kind));
  }
  return { kinds, state };
}

describe('alert policy', () => {
  it('sends one alert per threshold on the way down', () => {
    const quotas = [];
    for (let q = 20_000; q >= 0; q -= 250) quotas.push(q);
    expect(run(quotas).kinds).toEqual(['low', 'critical', 'exhausted']);
  });

  it('sends only the most severe alert on a jump past several thresholds', () => {
    expect(run([50_000, 500]).kinds).toEqual(['critical']);
    expect(run([50_000, 0]).kinds).toEqual(['exhausted']);
    // ...and the skipped levels do not fire afterwards on the way down
    expect(run([50_000, 500, 400, 0]).kinds).toEqual(['critical', 'exhausted']);
  });

  it('alerts on the first observation when the quota is already low', () => {
    expect(run([5_000, 4_900]).kinds).toEqual(['low']);
  });

  it('stays silent when alerts are not allowed, and does not replay the crossing later', () => {
    const muted = (q: number) => observe(q, { alertsAllowed: false });
    expect(run([muted(20_000), muted(9_000), 8_000, 7_000]).kinds).toEqual([]);
  });

  it('flicker around the low line alerts once', () => {
    const quotas = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 9_990 : 10_010));
    expect(run([20_000, ...quotas]).kinds).toEqual(['low']);
  });

  it('re-arms once the quota is back above line + margin, and says renewed after an alert', () => {
    expect(run([20_000, 9_000, 109_000, 9_000]).kinds).toEqual(['low', 'renewed', 'low']);
    // Above the line but within the margin: not re-armed, no renewed notice.
    expect(run([20_000, 9_000, 11_500, 9_000]).kinds).toEqual(['low']);
  });

  it('sends no renewed notice when no alert went out before', () => {
    expect(run([20_000, 15_000, 115_000]).kinds).toEqual([]);
    const muted = observe(9_000, { alertsAllowed: false });
    expect(run([20_000, muted, 109_000]).kinds).toEqual([]);
  });

  it('says a renewal is expected in the critical alert when auto-renewal is on', () => {
    const decision = evaluateAlerts(undefined, observe(900, { autoRenewal: true }));
    expect(decision.alerts[0]?.kind).toBe('critical');
    expect(decision.alerts[0]?.body).toMatch(/renew/i);
    const without = evaluateAlerts(undefined, observe(900));
    expect(without.alerts[0]?.body).toMatch(/buy a refill/i);
    expect(without.alerts[0]?.action).toBe('buy-refill');
  });

  it('starts over on a plan change and sends the renewed notice if an alert went out', () => {
    const { state } = run([5_000]);
    const decision = evaluateAlerts(
      state,
      observe(1_000_000, { bundle: 'ENTERPRISE', bundleSize: 1_000_000 }),
    );
    expect(decision.alerts.map((a) => a.kind)).toEqual(['renewed']);
    expect(decision.alerts[0]?.action).toBe('none');
    expect(decision.state.bundle).toBe('ENTERPRISE');
  });

  it('early warning: at most one a day, not with auto-renewal, folded into a threshold alert', () => {
    const soon = (now: number, quota: number, extra: Partial<Observation> = {}) =>
      observe(quota, {
        now,
        earlyWarningEnabled: true,
        runsOutAt: now + 5 * hour,
        forecastText: 'runs out in ~5 hours',
        ...extra,
      });
    expect(
      run([soon(0, 50_000), soon(hour, 49_000), soon(23 * hour, 30_000), soon(25 * hour, 20_000)])
        .kinds,
    ).toEqual(['early-warning', 'early-warning']);
    expect(run([soon(0, 50_000, { autoRenewal: true })]).kinds).toEqual([]);
    expect(run([soon(0, 50_000, { earlyWarningEnabled: false })]).kinds).toEqual([]);
    const low = run([soon(0, 9_000)]);
    expect(low.kinds).toEqual(['low']);
    expect(low.state?.lastEarlyWarningAt).toBe(0);
  });

  it('judges only exhaustion for a bundle name it does not know', () => {
    const unknown = (q: number) => observe(q, { bundle: 'NEWPLAN', bundleSize: undefined });
    expect(run([unknown(500), unknown(5), unknown(0)]).kinds).toEqual(['exhausted']);
  });
});
