// Faults queued by POST /_sandbox/faults, applied to the next API requests so the app's
// timeouts, retries and error sentences can be tested: delay, a chosen status, a cut connection,
// or broken JSON. Each fault serves `count` requests (only those on `path`, when given).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxError } from './http-reply';

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

// What a "malformed" fault answers: JSON cut off mid-way, with a JSON content type.
const brokenJson = '{"id": "65f1c2a93b7d4c589e21a0b1", "email": "demo@greencl';

function delay(ms: number): Promise<void> {
  // unref: a pending delay must not keep a closing process alive.
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Plays a fault on a request. Returns the status it answered with (0 for a cut connection), or
 * undefined when the request should go on to its route (no fault, or only a delay).
 */
export async function applyFault(
  fault: Fault | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<number | undefined> {
  switch (fault?.mode) {
    case undefined:
      return undefined;
    case 'latency':
      await delay(fault.ms ?? 0);
      return undefined;
    case 'reset':
      req.socket.destroy();
      return 0;
    case 'malformed':
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(brokenJson);
      return 200;
    case 'status': {
      const status = fault.status ?? 500;
      throw new SandboxError(
        status,
        'SANDBOX_FAULT',
        `The sandbox was asked to fail this request with HTTP ${status}.`,
        {
          // Statuses that invite a retry say when, so the app's Retry-After handling can be tested.
          headers: status === 429 || status === 503 ? { 'Retry-After': '1' } : {},
        },
      );
    }
  }
}
