// The sidebar's icon for each view (GitHub Desktop: an icon on every row). Kept apart from the
// router's list so views added elsewhere get a neutral icon until they name their own.
import type { Component } from 'svelte';
import Circle from '@lucide/svelte/icons/circle';
import CreditCard from '@lucide/svelte/icons/credit-card';
import Gauge from '@lucide/svelte/icons/gauge';
import KeyRound from '@lucide/svelte/icons/key-round';
import Settings from '@lucide/svelte/icons/settings';
import ShieldCheck from '@lucide/svelte/icons/shield-check';

const icons: Partial<Record<string, Component<{ size?: number }>>> = {
  account: Gauge,
  password: KeyRound,
  'two-factor': ShieldCheck,
  billing: CreditCard,
  settings: Settings,
};

export function navIcon(view: string): Component<{ size?: number }> {
  return icons[view] ?? Circle;
}
