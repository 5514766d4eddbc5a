/** Adding a relationship (pick the other client, the type, the flags) or editing one's type and flags. */
import { Checkbox, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/problem';
import { useApiErrorFeedback } from '../../components/apiErrors';
import { FormModal } from '../../components/FormModal';
import { RELATIONSHIP_TYPES, type Client, type Relationship, type RelationshipType, type RelationshipUpdate } from '../../api/types';
import { useAddRelationship, useUpdateRelationship } from '../../api/queries/relationships';
import { ClientPicker } from './ClientPicker';
import { clientDisplayName } from './format';
import { RELATIONSHIP_FLAGS } from './relationships';

interface RelationshipValues {
  related_client_id: string | null;
  relationship_type: RelationshipType | null;
  legal_guardian: boolean;
  responsible_for_billing: boolean;
  emergency_contact: boolean;
}

interface RelationshipDialogProps {
  client: Client;
  /** The relationship to edit; null to add one. */
  relationship: Relationship | null;
  /** Clients that cannot be picked when adding (already related). */
  relatedIds: readonly string[];
  onClose: () => void;
  /** A 409 (e.g. already related): the caller shows it with its next step. */
  onConflict: (error: ApiError, relatedClientId: string | null) => void;
}

export function RelationshipDialog({ client, relationship, relatedIds, onClose, onConflict }: RelationshipDialogProps) {
  const { t } = useTranslation();
  const add = useAddRelationship();
  const update = useUpdateRelationship();
  const [relatedName, setRelatedName] = useState<string | null>(
    relationship ? clientDisplayName(relationship.related_client) : null,
  );
  const initial: RelationshipValues = {
    related_client_id: relationship?.related_client.id ?? null,
    relationship_type: relationship?.relationship_type ?? null,
    legal_guardian: relationship?.legal_guardian ?? false,
    responsible_for_billing: relationship?.responsible_for_billing ?? false,
    emergency_contact: relationship?.emergency_contact ?? false,
  };
  const form = useForm<RelationshipValues>({
    initialValues: initial,
    validate: {
      related_client_id: (value) => (value ? null : t('clients.relationships.chooseClient')),
      relationship_type: (value) => (value ? null : t('clients.relationships.chooseType')),
    },
  });

  const clientName = clientDisplayName(client);
  const names = { client: clientName, related: relatedName ?? t('clients.relationships.theRelatedClient') };

  const feedback = useApiErrorFeedback({
    onConflict: (error) => onConflict(error, form.getValues().related_client_id),
  });

  const handleSubmit = form.onSubmit(async (values) => {
    feedback.reset();
    if (!values.related_client_id || !values.relationship_type) return;
    try {
      if (relationship) {
        const changes: RelationshipUpdate = {};
        if (values.relationship_type !== initial.relationship_type) changes.relationship_type = values.relationship_type;
        for (const flag of RELATIONSHIP_FLAGS) if (values[flag] !== initial[flag]) changes[flag] = values[flag];
        if (Object.keys(changes).length > 0) {
          await update.mutateAsync({
            params: { path: { client_id: client.id, relationship_id: relationship.id } },
            body: changes,
          });
        }
        notifications.show({ color: 'tend', message: t('clients.form.saved') });
      } else {
        await add.mutateAsync({
          params: { path: { client_id: client.id } },
          body: { ...values, related_client_id: values.related_client_id, relationship_type: values.relationship_type },
        });
        notifications.show({ color: 'tend', message: t('clients.relationships.added') });
      }
      onClose();
    } catch (error) {
      feedback.handle(error, Object.keys(values), form.setErrors);
    }
  });

  return (
    <FormModal
      size="lg"
      title={
        relationship
          ? t('clients.relationships.editTitle', { related: names.related })
          : t('clients.relationships.addTitle', { client: clientName })
      }
      onClose={onClose}
      onSubmit={handleSubmit}
      feedback={feedback}
      loading={add.isPending || update.isPending}
      submitLabel={relationship ? t('clients.relationships.save') : t('clients.relationships.add')}
    >
      {relationship ? null : (
        <ClientPicker
          label={t('clients.relationships.relatedClient')}
          withAsterisk
          autoFocus
          excludeIds={[client.id, ...relatedIds]}
          value={form.values.related_client_id}
          onChange={(id) => {
            form.setFieldValue('related_client_id', id);
            form.clearFieldError('related_client_id');
          }}
          onPicked={setRelatedName}
          error={form.errors.related_client_id}
        />
      )}
      <Select
        label={t('clients.relationships.typeLabel', names)}
        withAsterisk
        placeholder={t('clients.form.choose')}
        data={RELATIONSHIP_TYPES.map((value) => ({ value, label: t(`clients.relationships.types.${value}`) }))}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('relationship_type')}
      />
      <Stack gap="xs">
        {RELATIONSHIP_FLAGS.map((flag) => (
          <Checkbox
            key={flag}
            label={t(`clients.relationships.flags.${flag}`)}
            description={t(`clients.relationships.flagHints.${flag}`, names)}
            {...form.getInputProps(flag, { type: 'checkbox' })}
          />
        ))}
      </Stack>
    </FormModal>
  );
}
