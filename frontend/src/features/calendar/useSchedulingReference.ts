/**
 * What every scheduling screen looks things up in: the practice (zone, currencies, where it is), and the
 * practitioners, services, locations and rooms by id (inactive ones too, so old appointments still read).
 */
import { useMemo } from 'react';
import { useAllRooms, useLocations } from '../../api/queries/locations';
import { usePractice } from '../../api/queries/practice';
import { usePractitioners } from '../../api/queries/practitioners';
import { useServices } from '../../api/queries/services';
import type { LocationRecord, PractitionerRecord, Room, Service } from '../../api/types';
import { useMoneyLocale } from '../../components/useMoneyLocale';

export interface SchedulingReference {
  /** The practice's IANA zone: every time on these screens is read and typed in it. */
  timeZone: string | null;
  currencies: string[];
  defaultCurrency: string;
  /** The UI language where the practice is ("es-PE"): how dates, times and money are written. */
  locale: string;
  practitioners: Map<string, PractitionerRecord>;
  services: Map<string, Service>;
  locations: Map<string, LocationRecord>;
  rooms: Map<string, Room>;
  /** Active ones, in the API's order, for pickers. */
  activePractitioners: PractitionerRecord[];
  activeServices: Service[];
  activeLocations: LocationRecord[];
  activeRooms: Room[];
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function useSchedulingReference(): SchedulingReference {
  const practice = usePractice();
  const locale = useMoneyLocale();
  const practitioners = usePractitioners({ includeInactive: true, readAll: true }).items;
  const services = useServices({ includeInactive: true }).items;
  const locations = useLocations({ includeInactive: true }).items;
  const rooms = useAllRooms().items;
  return useMemo(
    () => ({
      timeZone: practice.data?.time_zone ?? null,
      currencies: practice.data?.currencies ?? [],
      defaultCurrency: practice.data?.default_currency ?? 'USD',
      locale,
      practitioners: byId(practitioners),
      services: byId(services),
      locations: byId(locations),
      rooms: byId(rooms),
      activePractitioners: practitioners.filter((item) => item.active),
      activeServices: services.filter((item) => item.active),
      activeLocations: locations.filter((item) => item.active),
      activeRooms: rooms.filter((item) => item.active),
    }),
    [practice.data, locale, practitioners, services, locations, rooms],
  );
}
