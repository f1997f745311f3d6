// The sidebar's groups of views, from the one list of views (src-main/common/app-views.ts) that the
// View menu uses too. Only the signed-in shell shows them, so they load with its chunk.

import { appViewLabel, type AppViewName } from '../../src-main/common/app-views';
import type { SignedInView } from './router.svelte';

export interface NavItem {
  view: SignedInView;
  label: string;
}
export interface NavGroup {
  heading?: string;
  items: NavItem[];
}

const item = (view: AppViewName): NavItem => ({ view, label: appViewLabel(view) });

export const navGroups: readonly NavGroup[] = [
  { items: [item('account')] },
  { heading: 'Security', items: [item('password'), item('two-factor')] },
  { items: [item('billing')] },
  { items: [item('settings')] },
];
