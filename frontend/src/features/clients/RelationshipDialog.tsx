/**
 * Adding a relationship (pick the other client, the type, the flags) or editing one's type and flags. Someone
 * not registered yet is registered from the same dialog (a short form) and comes back picked.
 */
import { Checkbox, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/problem';
import { useApiErrorFeedback } from '../../components/apiErrors';
import { FormModal } from '../../components/FormModal';
import { RELATIONSHIP_TYPES, type Client, type Relationship, type RelationshipType, type RelationshipUpdate } from '../../api/types';
import { useAddRelationship, useUpdateRelationship } from '../../api/queries/relationships';
import { useCustomFields } from '../../api/queries/customFields';
import { ClientPicker, type PickedClient } from './ClientPicker';
import { useClientWords } from './clientWords';
import { clientDisplayName } from './format';
import { QuickClientFields, useQuickClient } from './QuickClient';
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
  /** Adding a minor's guardian: the type is parent/guardian and "legal guardian" is ticked. */
  guardian?: boolean;
}

export function RelationshipDialog({ client, relationship, relatedIds, onClose, onConflict, guardian = false }: RelationshipDialogProps) {
  const { t } = useTranslation();
  const words = useClientWords();
  const add = useAddRelationship();
  const update = useUpdateRelationship();
  const customFields = useCustomFields();
  const [relatedName, setRelatedName] = useState<string | null>(
    relationship ? clientDisplayName(relationship.related_client) : null,
  );
  // Registering the related person: the dialog shows the short form, then comes back with them picked.
  const [creating, setCreating] = useState(false);
  const [justCreated, setJustCreated] = useState<PickedClient | null>(null);
  const initial: RelationshipValues = {
    related_client_id: relationship?.related_client.id ?? null,
    relationship_type: relationship?.relationship_type ?? (guardian ? 'parent_guardian' : null),
    legal_guardian: relationship?.legal_guardian ?? guardian,
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
  const quick = useQuickClient(customFields.data ?? [], (created) => {
    const name = clientDisplayName(created);
    setJustCreated({ id: created.id, name });
    setRelatedName(name);
    form.setFieldValue('related_client_id', created.id);
    form.clearFieldError('related_client_id');
    setCreating(false);
    notifications.show({ color: 'tend', message: t('clients.relationships.created', { name }) });
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

  if (creating) {
    return (
      <FormModal
        size="lg"
        title={t('clients.relationships.createTitle', words)}
        onClose={onClose}
        onSubmit={quick.submit}
        feedback={quick.feedback}
        loading={quick.saving}
        submitLabel={t('clients.relationships.createSubmit')}
        onCancel={() => setCreating(false)}
        cancelLabel={t('clients.relationships.backToSearch')}
      >
        <Text size="sm" c="dimmed">
          {t('clients.relationships.createHint')}
        </Text>
        <QuickClientFields
          form={quick.form}
          required={quick.required}
          matches={quick.duplicates.matches}
          onMatchingBlur={() => quick.duplicates.onFieldBlur(quick.form.getValues())}
        />
      </FormModal>
    );
  }

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
          label={t('clients.relationships.relatedClient', words)}
          withAsterisk
          autoFocus={justCreated === null}
          excludeIds={[client.id, ...relatedIds]}
          value={form.values.related_client_id}
          initialPick={justCreated}
          onChange={(id) => {
            form.setFieldValue('related_client_id', id);
            form.clearFieldError('related_client_id');
          }}
          onPicked={setRelatedName}
          onCreate={(typed) => {
            quick.start(typed);
            setCreating(true);
          }}
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
