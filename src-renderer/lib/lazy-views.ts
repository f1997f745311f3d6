// The signed-in views other than Account, and the Account chart's drawing, come in their own chunk:
// the window, which opens on Account, parses none of them before the quota is on screen. Then
// `prefetchLazyViews` fetches the chunk while the window is idle, so the first click on any of
// them draws at once; the chart asks for it as soon as it has a line to draw.

import type { ComponentProps } from 'svelte';
import type QuotaChartPlot from '../components/QuotaChartPlot.svelte';
import type { SignedInView } from './router.svelte';
import { LazyComponent } from './lazy-component.svelte';
import { whenIdle } from './when-idle';

const afterQuota = () => import('../views/after-quota');

export const lazyViews = {
  password: new LazyComponent(async () => (await afterQuota()).PasswordView),
  'two-factor': new LazyComponent(async () => (await afterQuota()).TwoFactorView),
  billing: new LazyComponent(async () => (await afterQuota()).BillingView),
  settings: new LazyComponent(async () => (await afterQuota()).SettingsView),
  about: new LazyComponent(async () => (await afterQuota()).AboutView),
  'set-password': new LazyComponent(async () => (await afterQuota()).SetPassword),
} satisfies Record<Exclude<SignedInView, 'account'>, LazyComponent>;

export const lazyChartPlot = new LazyComponent<ComponentProps<typeof QuotaChartPlot>>(
  async () => (await afterQuota()).QuotaChartPlot,
);

let prefetched = false;

/** Once per window, when the window is next idle: never ahead of the quota or a click. */
export function prefetchLazyViews(win: Window = window): void {
  if (prefetched) return;
  prefetched = true;
  void whenIdle(win).then(() => {
    for (const view of Object.values(lazyViews)) void view.load();
  });
}
