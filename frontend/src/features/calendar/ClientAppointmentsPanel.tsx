/** The client record's Appointments tab, loaded when opened (it brings the booking form and its time zone code). */
import { Skeleton, Stack } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { Client } from '../../api/types';

const ClientAppointmentsTab = lazy(() => import('./ClientAppointmentsTab'));

export function ClientAppointmentsPanel({ client }: { client: Client }) {
  return (
    <Suspense
      fallback={
        <Stack gap="xs">
          <Skeleton height={36} />
          <Skeleton height={36} />
        </Stack>
      }
    >
      <ClientAppointmentsTab client={client} />
    </Suspense>
  );
}
