// Renderer entry: mounts the app when the preload's bridge is there, and a plain explanation when
// it is not (a page opened outside the app must not crash into a blank window).
import { mount } from 'svelte';
import './styles/app.css';
import { findBridge } from './lib/bridge';
import App from './App.svelte';
import MissingBridge from './views/MissingBridge.svelte';

const target = document.getElementById('app');
if (target) {
  const bridge = findBridge();
  if (bridge) mount(App, { target, props: { bridge } });
  else mount(MissingBridge, { target });
}
