/** Custom client fields: extra questions on the client form, in the order of their position. */
import { Badge, Code, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition } from '../../../api/types';
import { useCustomFields, useUpdateCustomField } from '../../../api/queries/customFields';
import { ListScreen } from '../ui/ListScreen';
import { RowActions } from '../ui/RowActions';
import { useRecordActions } from '../ui/useRecordActions';
import { CustomFieldForm } from './CustomFieldForm';
import { TruncatedText } from '../../../components/TruncatedText';

export default function CustomFieldsScreen() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<CustomFieldDefinition | 'new' | null>(null);
  const fields = useCustomFields({ includeInactive: showInactive });
  const actions = useRecordActions({
    pathOf: (field: CustomFieldDefinition) => ({ field_id: field.id }),
    name: (field) => field.label,
    update: useUpdateCustomField(),
    deactivateBody: t('settings.customFields.deactivateBody'),
  });
  const items = fields.data ?? [];
  const nextPosition = items.reduce((max, field) => Math.max(max, field.position), 0) + 1;

  return (
    <ListScreen
      section="customFields"
      onNew={() => setEditing('new')}
      showInactive={showInactive}
      onShowInactiveChange={setShowInactive}
      query={fields}
      items={items}
      isActive={(field) => field.active}
      columns={[
        {
          id: 'positionShort',
          sortValue: (field) => field.position,
          header: t('settings.customFields.positionShort'),
          cell: (field) => field.position,
        },
        {
          id: 'label',
          sortValue: (field) => field.label,
          header: t('settings.customFields.label'),
          cell: (field) => (
            <>
              <TruncatedText text={field.label} fw={600} />
              <Code>{field.key}</Code>
            </>
          ),
        },
        {
          id: 'type',
          sortValue: (field) => t(`settings.customFields.types.${field.field_type}`),
          header: t('settings.customFields.type'),
          cell: (field) => (
            <>
              <Text size="sm">{t(`settings.customFields.types.${field.field_type}`)}</Text>
              {field.options.length > 0 ? (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {field.options.join(', ')}
                </Text>
              ) : null}
            </>
          ),
        },
        {
          id: 'required',
          header: t('settings.customFields.required'),
          cell: (field) =>
            field.required ? (
              <Badge variant="light" color="orange" style={{ minWidth: 'max-content' }}>
                {t('settings.customFields.requiredBadge')}
              </Badge>
            ) : (
              <Text size="sm" c="dimmed">
                {t('settings.customFields.optional')}
              </Text>
            ),
        },
      ]}
      actions={(field) => (
        <Group justify="flex-end">
          <RowActions name={field.label} onEdit={() => setEditing(field)} actions={actions.rowActions(field)} />
        </Group>
      )}
    >
      {editing !== null ? (
        <CustomFieldForm
          key={editing === 'new' ? 'new' : editing.id}
          field={editing === 'new' ? null : editing}
          nextPosition={nextPosition}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {actions.dialogs}
    </ListScreen>
  );
}
