// index.html's entry: the sign-in screen, and any window that opens signed out. The signed-in side
// is a chunk of its own, out of the sign-in screen's first load. It is fetched now, at boot,
// alongside the first call rather than after it answers, so a restored session or a sign-in finds
// it already parsed.
import { startWindow } from './start-window';
import SignedOut from './views/SignedOut.svelte';

startWindow({
  signedOut: SignedOut,
  signedIn: import('./views/SignedInRoot.svelte').then((m) => m.default),
});
