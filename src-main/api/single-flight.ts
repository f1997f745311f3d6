// Keeps a double click from becoming a double request. Calls are grouped into lanes; a call whose
// key (method + path + body) matches the lane's latest pending call gets that call's promise
// instead of sending again. What happens to a *different* call in a busy lane is the policy:
//   share      – no lane: only identical calls are joined, different ones run side by side (reads).
//   exclusive  – refused with 'busy' (money, card, plan, password, 2FA: never two at once).
//   serialize  – queued behind the pending one (flags: the last choice must arrive last).

import type { AppError } from '../common/app-error';

export type FlightPolicy = 'share' | 'exclusive' | 'serialize';

export interface Flight {
  lane: string;
  key: string;
  policy: FlightPolicy;
  /** The error for a different call in an exclusive lane that is busy. */
  busy: () => AppError;
}

interface LaneState {
  latestKey: string;
  latest: Promise<unknown>;
  /** Settles after every call queued so far, never rejects: where a serialized call waits. */
  tail: Promise<void>;
  pending: number;
}

const ignore = () => undefined;

export class SingleFlight {
  private readonly lanes = new Map<string, LaneState>();

  run<T>(flight: Flight, task: () => Promise<T>): Promise<T> {
    const laneId = flight.policy === 'share' ? `share:${flight.key}` : flight.lane;
    const lane = this.lanes.get(laneId);
    // Only the latest call is joined: under `serialize`, joining an older identical call that a
    // different one is queued behind would let the older choice win.
    if (lane?.latestKey === flight.key) return lane.latest as Promise<T>;
    if (lane && flight.policy === 'exclusive') return Promise.reject(flight.busy());

    const promise = flight.policy === 'serialize' && lane ? lane.tail.then(task) : task();
    const state: LaneState = lane ?? {
      latestKey: '',
      latest: promise,
      tail: Promise.resolve(),
      pending: 0,
    };
    state.latestKey = flight.key;
    state.latest = promise;
    // Only a serialized lane ever waits on its tail: a shared one (every poll) skips the promise.
    if (flight.policy === 'serialize') state.tail = promise.then(ignore, ignore);
    state.pending += 1;
    this.lanes.set(laneId, state);

    const settle = () => {
      state.pending -= 1;
      if (state.pending === 0 && this.lanes.get(laneId) === state) this.lanes.delete(laneId);
    };
    promise.then(settle, settle);
    return promise;
  }
}
