/** The navbar's destinations, who sees them and what they are called. */
import type { TFunction } from 'i18next';
import type { Role } from '../../api/types';
import type { ClientWords } from '../clients/clientWords';

export interface NavItem {
  to: string;
  label: 'nav.calendar' | 'nav.clients' | 'nav.ledger' | 'nav.reports' | 'nav.settings';
  roles?: readonly Role[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.calendar' },
  { to: '/clients', label: 'nav.clients' },
  { to: '/ledger', label: 'nav.ledger', roles: ['admin', 'front_desk'] },
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

/** An item's name: the clients' item carries the practice's own word for them ("Pacientes"). */
export function navLabel(item: NavItem, t: TFunction, words: ClientWords): string {
  return item.label === 'nav.clients' ? words.Clients : t(item.label);
}
