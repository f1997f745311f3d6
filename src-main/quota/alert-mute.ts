// The person's local "mute alerts" choice for one account (the core mutes every account's watcher
// for "mute all"). Muting silences notifications only: the tray and banner still show the state.

import { z } from 'zod';
import type { MuteChoice } from '../common/bridge-contract';

export const muteState = z.object({
  version: z.literal(1),
  /** Epoch ms until which alerts are muted. */
  until: z.number().optional(),
  /** Muted until the person unmutes. */
  forever: z.boolean().optional(),
});
export type MuteState = z.infer<typeof muteState>;

export const notMuted: MuteState = { version: 1 };

/** The next local midnight after `now`: "until tomorrow" means until the day changes here. */
export function nextLocalMidnight(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

export function applyMute(choice: MuteChoice, now: number): MuteState {
  switch (choice) {
    case '1h':
      return { version: 1, until: now + 60 * 60_000 };
    case 'tomorrow':
      return { version: 1, until: nextLocalMidnight(now) };
    case 'off':
      return { version: 1, forever: true };
    case 'unmute':
      return notMuted;
  }
}

export function isMuted(mute: MuteState, now: number): boolean {
  return mute.forever === true || (mute.until !== undefined && now < mute.until);
}
