// The signed-in views the sidebar lists and the View menu opens with Ctrl/Cmd+1…9, in that order:
// one list, so the menu's shortcuts and the sidebar's rows can never disagree.

export const appViews = [
  { view: 'account', label: 'Account' },
  { view: 'password', label: 'Password' },
  { view: 'two-factor', label: 'Two-factor authentication' },
  { view: 'billing', label: 'Billing' },
  { view: 'settings', label: 'Settings' },
] as const;

export type AppViewName = (typeof appViews)[number]['view'];

export function appViewLabel(view: AppViewName): string {
  return appViews.find((entry) => entry.view === view)?.label ?? view;
}
