// What both pages' entries run: mounts the app when the preload's bridge is there, and a plain
// explanation when it is not (a page opened outside the app must not crash into a blank window).
// The entries differ only in which side of the app they hold and which comes later: index.html (the
// sign-in screen) holds the sign-in screens and fetches the signed-in side; signed-in.html holds
// the signed-in side and fetches the sign-in screens (scripts/renderer-build.ts).
import { mount, type Component } from 'svelte';
import './styles/app.css';
import { findBridge } from './lib/bridge';
import App from './App.svelte';
import MissingBridge from './views/MissingBridge.svelte';

/** A side's root component: here already (drawn in the first render), or on its way. */
export type RootSource = Component | Promise<Component>;

export interface WindowRoots {
  /** The sign-in screens (also shown while another account is being added). */
  signedOut: RootSource;
  /** The signed-in side: the shell and its views. */
  signedIn: RootSource;
}

export function startWindow(roots: WindowRoots): void {
  const target = document.getElementById('app');
  if (!target) return;
  const bridge = findBridge();
  if (bridge) mount(App, { target, props: { bridge, roots } });
  else mount(MissingBridge, { target });
}
