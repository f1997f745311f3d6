// Keeps V8's young generation in the main process at the size V8 starts it with. V8 grows the young
// generation (up to 64 MiB here, two semi-spaces of 32) whenever objects survive its scavenges
// faster than the space holds them, and shrinks it again only when a GC sees a low allocation rate.
// A tray app that lives for weeks meets exactly the case where that costs memory and buys nothing:
// a burst of work (sign-in, the window open, a catch-up after sleep) grows it, then the app goes
// quiet for hours, a scavenge comes only every hour or so, and the reserved space stays in RSS. In
// the week's soak (scripts/soak-week.ts) the young generation grew from 16 to 64 MiB and made all
// of the growth of RSS, while the live heap stayed at 20–23 MiB. The main process does little work
// per second, so more frequent, smaller scavenges cost it almost nothing (measured in the soak).
//
// Why a runtime flag and this one: the main process's V8 is running before any of our code, so
// `--max-semi-space-size` (read when the heap is set up) and app.commandLine.appendSwitch('js-flags')
// (Electron reads --js-flags for the main process only from the real command line at start-up)
// cannot reach it. `--semi-space-growth-factor` is read each time V8 grows the young generation,
// and Electron's main process allows v8.setFlagsFromString after start (it starts V8 with
// --no-freeze-flags-after-init). A factor of 1 means it never grows. Plain Node, no Electron: the
// soak calls this too, so it measures the main process as the app runs it.

import v8 from 'node:v8';

export const youngGenerationFlag = '--semi-space-growth-factor=1';

export function capYoungGeneration(): void {
  v8.setFlagsFromString(youngGenerationFlag);
}
