// Everything one running sandbox holds: the accounts and tokens (state), its clock, the pending
// faults and the request log. POST /_sandbox/reset puts all of it back to the seeded start.

import { SandboxClock } from './clock';
import { FaultQueue } from './faults';
import { RequestLog } from './request-log';
import { seedState } from './seed-state';
import type { SandboxState } from './state';

export class SandboxWorld {
  clock = new SandboxClock();
  state: SandboxState;
  faults = new FaultQueue();
  requestLog = new RequestLog();

  constructor() {
    this.state = seedState(this.clock.now());
  }

  reset(): void {
    this.clock = new SandboxClock();
    this.state = seedState(this.clock.now());
    this.faults = new FaultQueue();
    this.requestLog = new RequestLog();
  }
}
