/** Billable services: code, name, default duration, price per currency. Deactivated, never deleted. */
import { Button, Code, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../api/types';
import { activeFirst } from '../api/cursorList';
import { usePractice } from '../api/practice';
import { useServices, useUpdateService } from '../api/services';
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog';
import { PriceLines } from '../ui/PriceLines';
import { ListBody } from '../ui/ListBody';
import { RowActions } from '../ui/RowActions';
import { SectionHeader } from '../ui/SectionHeader';
import { ShowInactiveSwitch } from '../ui/ShowInactiveSwitch';
import { StatusBadge } from '../ui/StatusBadge';
import { FIT } from '../ui/tableStyles';
import { useActionFeedback } from '../ui/useActionFeedback';
import { ServiceForm } from './ServiceForm';

export default function ServicesScreen() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const practice = usePractice();
  const { query, items } = useServices(showInactive);
  const update = useUpdateService();
  const feedback = useActionFeedback();
  const currencies = practice.data?.currencies ?? [];

  const setActive = (service: Service, active: boolean) =>
    update.mutate(
      { id: service.id, changes: { active } },
      {
        onSuccess: () =>
          feedback.done(
            t(active ? 'settings.common.reactivatedNamed' : 'settings.common.deactivatedNamed', { name: service.name }),
          ),
        onError: (error) => feedback.report(error),
        onSettled: () => setConfirm(null),
      },
    );

  const newButton = <Button onClick={() => setEditing('new')}>{t('settings.services.new')}</Button>;

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('settings.services.title')}
        description={t('settings.services.description')}
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
        emptyTitle={t('settings.services.emptyTitle')}
        emptyHint={t('settings.services.emptyHint')}
        emptyAction={newButton}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      >
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.services.code')}</Table.Th>
              <Table.Th>{t('settings.services.name')}</Table.Th>
              <Table.Th>{t('settings.services.duration')}</Table.Th>
              <Table.Th>{t('settings.services.prices')}</Table.Th>
              <Table.Th>{t('settings.common.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('settings.common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {activeFirst(items).map((service) => (
              <Table.Tr key={service.id} c={service.active ? undefined : 'dimmed'}>
                <Table.Td>
                  <Code>{service.code}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {service.name}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {t('settings.services.minutes', { count: service.default_duration_minutes })}
                </Table.Td>
                <Table.Td>
                  <PriceLines prices={service.prices} currencies={currencies} />
                </Table.Td>
                <Table.Td style={FIT}>
                  <StatusBadge active={service.active} />
                </Table.Td>
                <Table.Td style={FIT}>
                  <RowActions
                    name={service.name}
                    onEdit={() => setEditing(service)}
                    actions={[
                      service.active
                        ? {
                            label: t('settings.common.deactivate'),
                            onClick: () =>
                              setConfirm({
                                title: t('settings.common.deactivateTitle', { name: service.name }),
                                message: t('settings.services.deactivateBody'),
                                confirmLabel: t('settings.common.deactivate'),
                                danger: true,
                                onConfirm: () => setActive(service, false),
                              }),
                          }
                        : { label: t('settings.common.reactivate'), onClick: () => setActive(service, true) },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListBody>

      {editing !== null && practice.data ? (
        <ServiceForm
          key={editing === 'new' ? 'new' : editing.id}
          service={editing === 'new' ? null : editing}
          currencies={currencies}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog request={confirm} loading={update.isPending} onClose={() => setConfirm(null)} />
      {feedback.dialog}
    </Stack>
  );
}
