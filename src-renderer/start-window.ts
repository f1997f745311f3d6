// What both pages' entries run: mounts the app when the preload's bridge is there, and a plain
// explanation when it is not (a page opened outside the app must not crash into a blank window).
// The entries differ only in how the signed-in side arrives: index.html (the sign-in screen) fetches
// it at boot, as a chunk of its own; signed-in.html's entry is that chunk, so a window that opens
// signed in draws the shell in its first render instead of one task later.
import { mount, type Component } from 'svelte';
import './styles/app.css';
import { findBridge } from './lib/bridge';
import App from './App.svelte';
import MissingBridge from './views/MissingBridge.svelte';

/** The signed-in side's root component: here already, or on its way. */
export type SignedInRootSource = Component | Promise<Component>;

let started = false;

/**
 * `signedInRoot`: the signed-in side when the entry imported it. Without it the chunk is fetched
 * now, at boot, alongside the first call rather than after it answers, so a restored session or a
 * sign-in finds it already parsed; it stays a chunk of its own, out of the sign-in screen's first
 * load. The window starts once: that chunk is signed-in.html's entry, which calls this again when
 * it arrives on index.html.
 */
export function startWindow(
  signedInRoot: SignedInRootSource = import('./signed-in-main').then((m) => m.SignedInRoot),
): void {
  const target = document.getElementById('app');
  if (!target || started) return;
  started = true;
  const bridge = findBridge();
  if (bridge) mount(App, { target, props: { bridge, signedInRoot } });
  else mount(MissingBridge, { target });
}
