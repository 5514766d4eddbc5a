/** Practitioners: who sees clients, their calendar colour, commission and default prices. */
import { ColorSwatch, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PractitionerRecord } from '../../../api/types';
import { usePractice } from '../../../api/queries/practice';
import { useDeletePractitioner, usePractitioners, useUpdatePractitioner } from '../../../api/queries/practitioners';
import { formatPercent } from '../commission';
import { ListScreen } from '../ui/ListScreen';
import { PriceLines } from '../ui/PriceLines';
import { RowActions } from '../ui/RowActions';
import { useRecordActions } from '../ui/useRecordActions';
import { useUiLocale } from '../../../i18n/useUiLocale';
import { PractitionerForm } from './PractitionerForm';
import { TruncatedText } from '../../../components/TruncatedText';

export default function PractitionersScreen() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<PractitionerRecord | 'new' | null>(null);
  const practice = usePractice();
  const { query, items } = usePractitioners({ includeInactive: showInactive });
  const actions = useRecordActions({
    pathOf: (practitioner: PractitionerRecord) => ({ record_id: practitioner.id }),
    name: (practitioner) => practitioner.name,
    update: useUpdatePractitioner(),
    remove: useDeletePractitioner(),
    deactivateBody: t('settings.practitioners.deactivateBody'),
    deleteBody: t('settings.practitioners.deleteBody'),
  });
  const currencies = practice.data?.currencies ?? [];

  return (
    <ListScreen
      section="practitioners"
      onNew={() => setEditing('new')}
      showInactive={showInactive}
      onShowInactiveChange={setShowInactive}
      query={query}
      items={items}
      isActive={(practitioner) => practitioner.active}
      rowTestId="practitioner-row"
      columns={[
        {
          id: 'name',
          sortValue: (practitioner) => practitioner.name,
          header: t('settings.practitioners.name'),
          cell: (practitioner) => (
            <Group gap="sm" wrap="nowrap">
              <ColorSwatch color={practitioner.color} size={14} aria-hidden="true" />
              <div>
                <TruncatedText text={practitioner.name} fw={600} />
                {practitioner.credentials ? (
                  <TruncatedText text={practitioner.credentials} size="xs" c="dimmed" />
                ) : null}
              </div>
            </Group>
          ),
        },
        {
          id: 'contact',
          header: t('settings.practitioners.contact'),
          cell: (practitioner) => (
            <>
              <TruncatedText text={practitioner.email ?? '—'} />
              {practitioner.phone ? (
                <TruncatedText text={practitioner.phone} size="xs" c="dimmed" />
              ) : null}
            </>
          ),
        },
        {
          id: 'commission',
          sortValue: (practitioner) => practitioner.commission_rate_bp ?? -1,
          header: t('settings.practitioners.commission'),
          nowrap: true,
          cell: (practitioner) =>
            practitioner.commission_rate_bp === null ? '—' : formatPercent(practitioner.commission_rate_bp, locale),
        },
        {
          id: 'defaultPrices',
          header: t('settings.practitioners.defaultPrices'),
          cell: (practitioner) => <PriceLines prices={practitioner.default_prices ?? {}} currencies={currencies} />,
        },
      ]}
      actions={(practitioner) => (
        <RowActions
          name={practitioner.name}
          onEdit={() => setEditing(practitioner)}
          actions={actions.rowActions(practitioner)}
        />
      )}
    >
      {editing !== null && practice.data ? (
        <PractitionerForm
          key={editing === 'new' ? 'new' : editing.id}
          practitioner={editing === 'new' ? null : editing}
          currencies={currencies}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {actions.dialogs}
    </ListScreen>
  );
}
