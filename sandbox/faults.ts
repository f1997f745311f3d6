// Faults queued by POST /_sandbox/faults, applied to the next API requests so the app's
// timeouts, retries and error sentences can be tested: delay, a chosen status, a cut connection,
// or broken JSON. Each fault serves `count` requests (only those on `path`, when given).

export type FaultMode = 'latency' | 'status' | 'reset' | 'malformed';

export interface Fault {
  mode: FaultMode;
  ms?: number;
  status?: number;
  count: number;
  path?: string;
}

export class FaultQueue {
  private readonly pending: Fault[] = [];

  add(fault: Fault): void {
    this.pending.push({ ...fault });
  }

  /** The first pending fault that applies to this path, used up by one. */
  take(path: string): Fault | undefined {
    const index = this.pending.findIndex((f) => f.path === undefined || f.path === path);
    if (index < 0) return undefined;
    const fault = this.pending[index]!;
    fault.count -= 1;
    if (fault.count <= 0) this.pending.splice(index, 1);
    return fault;
  }
}
