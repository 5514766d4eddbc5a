/** Practitioners: who sees clients, their calendar colour, commission and default prices. */
import { Button, ColorSwatch, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PractitionerRecord } from '../../../api/types';
import { activeFirst } from '../api/cursorList';
import { usePractice } from '../api/practice';
import { useDeletePractitioner, usePractitioners, useUpdatePractitioner } from '../api/practitioners';
import { formatPercent } from '../commission';
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog';
import { PriceLines } from '../ui/PriceLines';
import { ListBody } from '../ui/ListBody';
import { RowActions } from '../ui/RowActions';
import { SectionHeader } from '../ui/SectionHeader';
import { ShowInactiveSwitch } from '../ui/ShowInactiveSwitch';
import { StatusBadge } from '../ui/StatusBadge';
import { FIT } from '../ui/tableStyles';
import { useActionFeedback } from '../ui/useActionFeedback';
import { useUiLocale } from '../ui/useUiLocale';
import { PractitionerForm } from './PractitionerForm';

export default function PractitionersScreen() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<PractitionerRecord | 'new' | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const practice = usePractice();
  const { query, items } = usePractitioners(showInactive);
  const update = useUpdatePractitioner();
  const remove = useDeletePractitioner();
  const feedback = useActionFeedback();
  const currencies = practice.data?.currencies ?? [];

  const setActive = (practitioner: PractitionerRecord, active: boolean) =>
    update.mutate(
      { id: practitioner.id, changes: { active } },
      {
        onSuccess: () =>
          feedback.done(
            t(active ? 'settings.common.reactivatedNamed' : 'settings.common.deactivatedNamed', { name: practitioner.name }),
          ),
        onError: (error) => feedback.report(error),
        onSettled: () => setConfirm(null),
      },
    );

  const askDeactivate = (practitioner: PractitionerRecord) =>
    setConfirm({
      title: t('settings.common.deactivateTitle', { name: practitioner.name }),
      message: t('settings.practitioners.deactivateBody'),
      confirmLabel: t('settings.common.deactivate'),
      danger: true,
      onConfirm: () => setActive(practitioner, false),
    });

  const askDelete = (practitioner: PractitionerRecord) =>
    setConfirm({
      title: t('settings.common.deleteTitle', { name: practitioner.name }),
      message: t('settings.practitioners.deleteBody'),
      confirmLabel: t('settings.common.delete'),
      danger: true,
      onConfirm: () =>
        remove.mutate(practitioner.id, {
          onSuccess: () => feedback.done(t('settings.common.deletedNamed', { name: practitioner.name })),
          onError: (error) =>
            feedback.report(error, {
              label: t('settings.common.deactivateInstead'),
              onClick: () => setActive(practitioner, false),
            }),
          onSettled: () => setConfirm(null),
        }),
    });

  const newButton = <Button onClick={() => setEditing('new')}>{t('settings.practitioners.new')}</Button>;

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('settings.practitioners.title')}
        description={t('settings.practitioners.description')}
        actions={
          <>
            <ShowInactiveSwitch checked={showInactive} onChange={setShowInactive} />
            {newButton}
          </>
        }
      />
      <ListBody
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        isEmpty={items.length === 0}
        emptyTitle={t('settings.practitioners.emptyTitle')}
        emptyHint={t('settings.practitioners.emptyHint')}
        emptyAction={newButton}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      >
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.practitioners.name')}</Table.Th>
              <Table.Th>{t('settings.practitioners.contact')}</Table.Th>
              <Table.Th>{t('settings.practitioners.commission')}</Table.Th>
              <Table.Th>{t('settings.practitioners.defaultPrices')}</Table.Th>
              <Table.Th>{t('settings.common.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('settings.common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {activeFirst(items).map((practitioner) => (
              <Table.Tr key={practitioner.id} data-testid="practitioner-row" c={practitioner.active ? undefined : 'dimmed'}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <ColorSwatch color={practitioner.color} size={14} aria-hidden="true" />
                    <div>
                      <Text size="sm" fw={600}>
                        {practitioner.name}
                      </Text>
                      {practitioner.credentials ? (
                        <Text size="xs" c="dimmed">
                          {practitioner.credentials}
                        </Text>
                      ) : null}
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{practitioner.email ?? '—'}</Text>
                  {practitioner.phone ? (
                    <Text size="xs" c="dimmed">
                      {practitioner.phone}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPercent(practitioner.commission_rate_bp, locale)}</Table.Td>
                <Table.Td>
                  <PriceLines prices={practitioner.default_prices} currencies={currencies} />
                </Table.Td>
                <Table.Td style={FIT}>
                  <StatusBadge active={practitioner.active} />
                </Table.Td>
                <Table.Td style={FIT}>
                  <RowActions
                    name={practitioner.name}
                    onEdit={() => setEditing(practitioner)}
                    actions={[
                      practitioner.active
                        ? { label: t('settings.common.deactivate'), onClick: () => askDeactivate(practitioner) }
                        : { label: t('settings.common.reactivate'), onClick: () => setActive(practitioner, true) },
                      { label: t('settings.common.delete'), danger: true, onClick: () => askDelete(practitioner) },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListBody>

      {editing !== null && practice.data ? (
        <PractitionerForm
          key={editing === 'new' ? 'new' : editing.id}
          practitioner={editing === 'new' ? null : editing}
          currencies={currencies}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog request={confirm} loading={update.isPending || remove.isPending} onClose={() => setConfirm(null)} />
      {feedback.dialog}
    </Stack>
  );
}
