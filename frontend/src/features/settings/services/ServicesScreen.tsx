/** Billable services: code, name, default duration, price per currency. Deactivated, never deleted. */
import { Code } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../api/types';
import { usePractice } from '../../../api/queries/practice';
import { useServices, useUpdateService } from '../../../api/queries/services';
import { ListScreen } from '../ui/ListScreen';
import { PriceLines } from '../ui/PriceLines';
import { RowActions } from '../ui/RowActions';
import { useRecordActions } from '../ui/useRecordActions';
import { ServiceForm } from './ServiceForm';
import { TruncatedText } from '../../../components/TruncatedText';

export default function ServicesScreen() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const practice = usePractice();
  const { query, items } = useServices({ includeInactive: showInactive });
  const actions = useRecordActions({
    pathOf: (service: Service) => ({ record_id: service.id }),
    name: (service) => service.name,
    update: useUpdateService(),
    deactivateBody: t('settings.services.deactivateBody'),
  });
  const currencies = practice.data?.currencies ?? [];

  return (
    <ListScreen
      section="services"
      onNew={() => setEditing('new')}
      showInactive={showInactive}
      onShowInactiveChange={setShowInactive}
      query={query}
      items={items}
      isActive={(service) => service.active}
      columns={[
        {
          id: 'code',
          sortValue: (service) => service.code,
          header: t('settings.services.code'),
          cell: (service) => <Code>{service.code}</Code>,
        },
        {
          id: 'name',
          sortValue: (service) => service.name,
          header: t('settings.services.name'),
          cell: (service) => (
            <TruncatedText text={service.name} fw={600} />
          ),
        },
        {
          id: 'duration',
          sortValue: (service) => service.default_duration_minutes,
          header: t('settings.services.duration'),
          nowrap: true,
          cell: (service) => t('settings.services.minutes', { count: service.default_duration_minutes }),
        },
        {
          id: 'prices',
          header: t('settings.services.prices'),
          cell: (service) => <PriceLines prices={service.prices} currencies={currencies} />,
        },
      ]}
      actions={(service) => (
        <RowActions name={service.name} onEdit={() => setEditing(service)} actions={actions.rowActions(service)} />
      )}
    >
      {editing !== null && practice.data ? (
        <ServiceForm
          key={editing === 'new' ? 'new' : editing.id}
          service={editing === 'new' ? null : editing}
          currencies={currencies}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {actions.dialogs}
    </ListScreen>
  );
}
