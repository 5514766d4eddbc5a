/** The navbar's destinations and who sees them. */
import type { Role } from '../../api/types';

export interface NavItem {
  to: string;
  label: 'nav.calendar' | 'nav.clients' | 'nav.ledger' | 'nav.reports' | 'nav.settings';
  roles?: readonly Role[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.calendar' },
  { to: '/clients', label: 'nav.clients' },
  { to: '/ledger', label: 'nav.ledger' },
  { to: '/reports', label: 'nav.reports' },
  { to: '/settings', label: 'nav.settings', roles: ['admin'] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}
