// The signed-in views other than Account come in their own chunk: the window, which opens on
// Account, parses none of them before the quota is on screen. Then `prefetchLazyViews` fetches
// the chunk while the window is idle, so the first click on any of them draws at once.

import type { SignedInView } from './router.svelte';
import { LazyComponent } from './lazy-component.svelte';

const otherViews = () => import('../views/other-views');

export const lazyViews = {
  password: new LazyComponent(async () => (await otherViews()).PasswordView),
  'two-factor': new LazyComponent(async () => (await otherViews()).TwoFactorView),
  billing: new LazyComponent(async () => (await otherViews()).BillingView),
  settings: new LazyComponent(async () => (await otherViews()).SettingsView),
  about: new LazyComponent(async () => (await otherViews()).AboutView),
  'set-password': new LazyComponent(async () => (await otherViews()).SetPassword),
} satisfies Record<Exclude<SignedInView, 'account'>, LazyComponent>;

let prefetched = false;

/** Once per window, when the window is next idle: never ahead of the quota or a click. */
export function prefetchLazyViews(win: Window = window): void {
  if (prefetched) return;
  prefetched = true;
  win.requestIdleCallback(() => {
    for (const view of Object.values(lazyViews)) void view.load();
  });
}
