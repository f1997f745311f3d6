// signed-in.html's entry: main opens a window that starts signed in on this page
// (windowPagePath in src-main/core/app-page.ts). The signed-in side is imported statically, so the
// first render draws the shell: no dynamic import between the start state and the quota. Signing
// out here shows the sign-in form as on index.html.
//
// It is also the signed-in side's chunk that index.html imports lazily (one file, so this page
// loads one script less): there the window has started already and startWindow does nothing.
import { startWindow } from './start-window';
import SignedInRoot from './views/SignedInRoot.svelte';

export { SignedInRoot };

startWindow(SignedInRoot);
