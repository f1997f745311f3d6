// The sandbox accepts a TOTP code for the previous, current or next 30-second step, and never the
// same step twice per secret: this hands out codes for steps not used yet, current step first.

import { totpCode, totpStep } from '../../sandbox/totp';

export class TotpDispenser {
  private readonly used = new Map<string, Set<number>>();

  next(secret: string): string {
    const used = this.used.get(secret) ?? new Set<number>();
    this.used.set(secret, used);
    const now = totpStep(Date.now());
    const step = [now, now + 1, now - 1].find((candidate) => !used.has(candidate));
    if (step === undefined) throw new Error('this test used more than three TOTP codes');
    used.add(step);
    return totpCode(secret, step * 30_000);
  }
}
