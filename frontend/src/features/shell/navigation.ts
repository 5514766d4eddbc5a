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

/** Where a role lands when it signs in, when that is not the calendar (the home route), or null. */
export function homePathFor(role: Role): string | null {
  return role === 'front_desk' ? '/clients' : null;
}

/** The destinations a role sees. The front desk's home is the client list, so its calendar lives at /calendar. */
export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role)).map((item) =>
    item.to === '/' && homePathFor(role) !== null ? { ...item, to: '/calendar' } : item,
  );
}
