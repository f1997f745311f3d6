// Every signed-in view but Account, in one chunk of their own (lib/lazy-views.ts loads it). One
// chunk, not one per view: each chunk repeats its imports of Svelte's runtime, and the total bundle
// budget has no room for six of them.

export { default as AboutView } from './AboutView.svelte';
export { default as BillingView } from './BillingView.svelte';
export { default as PasswordView } from './PasswordView.svelte';
export { default as SetPassword } from './SetPassword.svelte';
export { default as SettingsView } from './SettingsView.svelte';
export { default as TwoFactorView } from './TwoFactorView.svelte';
