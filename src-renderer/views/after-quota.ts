// What the signed-in window needs only once the quota is on screen, in one chunk of its own
// (lib/lazy-views.ts loads it): every view but Account, and the Account chart's drawing (the chart
// library). One chunk, not one per view: each chunk repeats its imports of Svelte's runtime, and
// the total bundle budget has no room for seven of them.

export { default as AboutView } from './AboutView.svelte';
export { default as BillingView } from './BillingView.svelte';
export { default as QuotaChartPlot } from '../components/QuotaChartPlot.svelte';
export { default as PasswordView } from './PasswordView.svelte';
export { default as SetPassword } from './SetPassword.svelte';
export { default as SettingsView } from './SettingsView.svelte';
export { default as TwoFactorView } from './TwoFactorView.svelte';
