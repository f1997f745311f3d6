// What each alert says. The title names the state, the body gives the numbers and what to do; a
// click opens Buy refill, except on the "renewed" notice, which needs nothing from the person.

import { describeLeft } from './quota-format';
import type { AlertLevel } from './quota-level';

export type QuotaAlertKind = AlertLevel | 'early-warning' | 'renewed';

export interface QuotaAlert {
  kind: QuotaAlertKind;
  title: string;
  body: string;
  /** 'buy-refill': clicking the notification opens the window on Buy refill. */
  action: 'buy-refill' | 'none';
}

export interface AlertFacts {
  bundle: string;
  quota: number;
  bundleSize: number | undefined;
  autoRenewal: boolean;
  /** "runs out in ~3 hours", or "" when unknown. */
  forecastText: string;
}

function sentence(text: string): string {
  return text === '' ? '' : ` At this rate it ${text}.`;
}

export function alertFor(kind: QuotaAlertKind, facts: AlertFacts): QuotaAlert {
  const left = `${facts.bundle}: ${describeLeft(facts.quota, facts.bundleSize)}.`;
  switch (kind) {
    case 'low':
      return {
        kind,
        title: 'GreenCloud quota is low',
        body: `${left}${sentence(facts.forecastText)}`,
        action: 'buy-refill',
      };
    case 'critical':
      return {
        kind,
        title: 'GreenCloud quota is almost used up',
        body: facts.autoRenewal
          ? `${left} Auto-renewal is on, so GreenCloud should renew your bundle shortly.`
          : `${left} Buy a refill to keep your functions running.`,
        action: 'buy-refill',
      };
    case 'exhausted':
      return {
        kind,
        title: 'GreenCloud quota is used up',
        body: `${facts.bundle} has no invocations left: function calls fail until you buy a refill.`,
        action: 'buy-refill',
      };
    case 'early-warning':
      return {
        kind,
        title: 'GreenCloud quota is running out',
        body: `${left}${sentence(facts.forecastText)}`,
        action: 'buy-refill',
      };
    case 'renewed':
      return {
        kind,
        title: 'GreenCloud quota renewed',
        body: `${left}`,
        action: 'none',
      };
  }
}
