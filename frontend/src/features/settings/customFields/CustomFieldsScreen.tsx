/** Custom client fields: extra questions on the client form, in the order of their position. */
import { Badge, Button, Code, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition } from '../../../api/types';
import { activeFirst } from '../api/cursorList';
import { useCustomFields, useUpdateCustomField } from '../api/customFields';
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog';
import { ListBody } from '../ui/ListBody';
import { RowActions } from '../ui/RowActions';
import { SectionHeader } from '../ui/SectionHeader';
import { ShowInactiveSwitch } from '../ui/ShowInactiveSwitch';
import { StatusBadge } from '../ui/StatusBadge';
import { FIT } from '../ui/tableStyles';
import { useActionFeedback } from '../ui/useActionFeedback';
import { CustomFieldForm } from './CustomFieldForm';

export default function CustomFieldsScreen() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<CustomFieldDefinition | 'new' | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const fields = useCustomFields(showInactive);
  const update = useUpdateCustomField();
  const feedback = useActionFeedback();
  const items = fields.data ?? [];
  const nextPosition = items.reduce((max, field) => Math.max(max, field.position), 0) + 1;

  const setActive = (field: CustomFieldDefinition, active: boolean) =>
    update.mutate(
      { id: field.id, changes: { active } },
      {
        onSuccess: () =>
          feedback.done(
            t(active ? 'settings.common.reactivatedNamed' : 'settings.common.deactivatedNamed', { name: field.label }),
          ),
        onError: (error) => feedback.report(error),
        onSettled: () => setConfirm(null),
      },
    );

  const newButton = <Button onClick={() => setEditing('new')}>{t('settings.customFields.new')}</Button>;

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('settings.customFields.title')}
        description={t('settings.customFields.description')}
        actions={
          <>
            <ShowInactiveSwitch checked={showInactive} onChange={setShowInactive} />
            {newButton}
          </>
        }
      />
      <ListBody
        isPending={fields.isPending}
        error={fields.error}
        onRetry={() => void fields.refetch()}
        isEmpty={items.length === 0}
        emptyTitle={t('settings.customFields.emptyTitle')}
        emptyHint={t('settings.customFields.emptyHint')}
        emptyAction={newButton}
      >
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.customFields.positionShort')}</Table.Th>
              <Table.Th>{t('settings.customFields.label')}</Table.Th>
              <Table.Th>{t('settings.customFields.type')}</Table.Th>
              <Table.Th>{t('settings.customFields.required')}</Table.Th>
              <Table.Th>{t('settings.common.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('settings.common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {activeFirst(items).map((field) => (
              <Table.Tr key={field.id} c={field.active ? undefined : 'dimmed'}>
                <Table.Td>{field.position}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {field.label}
                  </Text>
                  <Code>{field.key}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`settings.customFields.types.${field.field_type}`)}</Text>
                  {field.options.length > 0 ? (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {field.options.join(', ')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {field.required ? (
                    <Badge variant="light" color="orange" style={{ minWidth: 'max-content' }}>
                      {t('settings.customFields.requiredBadge')}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('settings.customFields.optional')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={FIT}>
                  <StatusBadge active={field.active} />
                </Table.Td>
                <Table.Td style={FIT}>
                  <Group justify="flex-end">
                    <RowActions
                      name={field.label}
                      onEdit={() => setEditing(field)}
                      actions={[
                        field.active
                          ? {
                              label: t('settings.common.deactivate'),
                              onClick: () =>
                                setConfirm({
                                  title: t('settings.common.deactivateTitle', { name: field.label }),
                                  message: t('settings.customFields.deactivateBody'),
                                  confirmLabel: t('settings.common.deactivate'),
                                  danger: true,
                                  onConfirm: () => setActive(field, false),
                                }),
                            }
                          : { label: t('settings.common.reactivate'), onClick: () => setActive(field, true) },
                      ]}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListBody>

      {editing !== null ? (
        <CustomFieldForm
          key={editing === 'new' ? 'new' : editing.id}
          field={editing === 'new' ? null : editing}
          nextPosition={nextPosition}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog request={confirm} loading={update.isPending} onClose={() => setConfirm(null)} />
      {feedback.dialog}
    </Stack>
  );
}
