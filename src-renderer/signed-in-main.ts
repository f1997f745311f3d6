// signed-in.html's entry: main opens a window that starts signed in on this page
// (windowPagePath in src-main/core/app-page.ts). The signed-in side is imported statically, so
// the page fetches it with the entry and the first render draws the shell: no dynamic import
// between the start state and the quota. Signing out here shows the sign-in form as on index.html.
import { startWindow } from './start-window';
import SignedInRoot from './views/SignedInRoot.svelte';

startWindow(SignedInRoot);
