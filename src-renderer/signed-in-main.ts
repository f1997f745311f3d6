// signed-in.html's entry: main opens a window that starts signed in on this page (windowPagePath
// in src-main/core/app-page.ts). The signed-in side is imported statically, so the page loads one
// script and its first render draws the shell: no chunk between the start state and the quota.
// The sign-in screens, for a sign-out or an added account, are fetched once the window is idle:
// never ahead of the quota.
import { whenIdle } from './lib/when-idle';
import { startWindow } from './start-window';
import SignedInRoot from './views/SignedInRoot.svelte';

startWindow({
  signedIn: SignedInRoot,
  signedOut: whenIdle()
    .then(() => import('./views/SignedOut.svelte'))
    .then((m) => m.default),
});
