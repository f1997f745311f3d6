// When to alert: a pure step from (what was already alerted, what the latest account says) to (the
// new state, the alerts to send). Kept free of time sources and I/O so every rule is tested directly
// and the state can be persisted: a restart resumes exactly where the last run left off.

import { z } from 'zod';
import { alertFor, type QuotaAlert } from './alert-text';
import {
  alertLevels,
  isBelow,
  isRearmed,
  type AlertLevel,
  type QuotaThresholds,
} from './quota-level';

const day = 24 * 60 * 60_000;

export const alertState = z.object({
  version: z.literal(1),
  /** The bundle this state is about: a plan change starts over. */
  bundle: z.string(),
  /** The quota at the last observation, to see a refill or renewal (a rise). */
  lastQuota: z.number(),
  /**
   * Levels whose downward crossing has been handled (alerted, or swallowed because alerts were off
   * or muted at that moment). Cleared per level once the quota climbs back past line + margin.
   */
  crossed: z.object({ low: z.boolean(), critical: z.boolean(), exhausted: z.boolean() }),
  /** An alert reached the person since the last refill/renewal: only then is "renewed" worth saying. */
  deliveredSinceRenewal: z.boolean(),
  lastEarlyWarningAt: z.number().optional(),
});
export type AlertState = z.infer<typeof alertState>;

export interface Observation {
  now: number;
  bundle: string;
  quota: number;
  /** Undefined for a bundle name the app does not know: then only "exhausted" can be judged. */
  bundleSize: number | undefined;
  autoRenewal: boolean;
  /** Account flag on, notifications on in settings, and not muted. */
  alertsAllowed: boolean;
  earlyWarningEnabled: boolean;
  runsOutAt: number | undefined;
  forecastText: string;
  thresholds: QuotaThresholds;
}

export interface AlertDecision {
  state: AlertState;
  alerts: QuotaAlert[];
}

function freshState(o: Observation): AlertState {
  return {
    version: 1,
    bundle: o.bundle,
    lastQuota: o.quota,
    crossed: { low: false, critical: false, exhausted: false },
    deliveredSinceRenewal: false,
  };
}

// The levels are judged against the bundle size; with an unknown size (a new plan name), only
// exhausted (quota 0) is judged, with a size of 0 making the lines 0 as well.
function sizeOf(o: Observation): number {
  return o.bundleSize ?? 0;
}

export function evaluateAlerts(previous: AlertState | undefined, o: Observation): AlertDecision {
  const planChanged = previous !== undefined && previous.bundle !== o.bundle;
  const state: AlertState = previous && !planChanged ? structuredClone(previous) : freshState(o);
  if (planChanged) state.deliveredSinceRenewal = previous.deliveredSinceRenewal;
  const size = sizeOf(o);
  const alerts: QuotaAlert[] = [];
  const facts = {
    bundle: o.bundle,
    quota: o.quota,
    bundleSize: o.bundleSize,
    autoRenewal: o.autoRenewal,
    forecastText: o.forecastText,
  };

  // 1. Re-arm every level the quota has climbed clear of (refill, renewal, plan change).
  for (const level of alertLevels) {
    if (state.crossed[level] && isRearmed(level, o.quota, size, o.thresholds))
      state.crossed[level] = false;
  }

  // 2. "Renewed": a rise (or a new plan) that leaves the quota clear of the low line, after an alert.
  // Requiring the re-armed low line keeps a quota that wobbles around 10% from sending notices.
  const rose = planChanged || (previous !== undefined && o.quota > previous.lastQuota);
  if (rose && isRearmed('low', o.quota, size, o.thresholds) && o.bundleSize !== undefined) {
    if (state.deliveredSinceRenewal && o.alertsAllowed) alerts.push(alertFor('renewed', facts));
    state.deliveredSinceRenewal = false;
    delete state.lastEarlyWarningAt;
  }

  // 3. A downward crossing: only the most severe level the quota is now below, once.
  const below = alertLevels.filter((level) => isBelow(level, o.quota, size, o.thresholds));
  const worst: AlertLevel | undefined = below.at(-1);
  let thresholdAlert = false;
  if (worst && !state.crossed[worst]) {
    // Handled either way: an alert swallowed while muted is not replayed later as a surprise.
    for (const level of below) state.crossed[level] = true;
    if (o.alertsAllowed) {
      alerts.push(alertFor(worst, facts));
      state.deliveredSinceRenewal = true;
      thresholdAlert = true;
    }
  }

  // 4. Early warning: runs out within a day, at most once a day. Not with auto-renewal on (the
  // bundle renews rather than runs out) and not once exhausted (the exhausted alert said it).
  // A condition, not a crossing: while alerts are off it waits rather than being used up.
  const runsOutSoon = o.runsOutAt !== undefined && o.runsOutAt - o.now <= day;
  const warnedToday =
    state.lastEarlyWarningAt !== undefined && o.now - state.lastEarlyWarningAt < day;
  if (
    o.earlyWarningEnabled &&
    runsOutSoon &&
    !warnedToday &&
    !o.autoRenewal &&
    o.quota > 0 &&
    o.alertsAllowed
  ) {
    // A threshold alert sent now already carries the forecast; it counts as today's warning.
    if (!thresholdAlert) alerts.push(alertFor('early-warning', facts));
    state.lastEarlyWarningAt = o.now;
    state.deliveredSinceRenewal = true;
  }

  state.lastQuota = o.quota;
  return { state, alerts };
}
