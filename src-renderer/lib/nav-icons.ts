// The sidebar's icon for each view (GitHub Desktop: an icon on every row). Kept apart from the
// router's list so views added elsewhere get a neutral icon until they name their own.
import { Circle, CreditCard, Gauge, KeyRound, Settings, ShieldCheck, type IconNode } from 'lucide';

const icons: Partial<Record<string, IconNode>> = {
  account: Gauge,
  password: KeyRound,
  'two-factor': ShieldCheck,
  billing: CreditCard,
  settings: Settings,
};

export function navIcon(view: string): IconNode {
  return icons[view] ?? Circle;
}
