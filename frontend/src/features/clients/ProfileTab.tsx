/** The client's profile: read view, and the edit form (same checks and error placement as a new client). */
import { Button, DataList, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, CustomFieldDefinition } from '../../api/types';
import { PageSkeleton } from '../../components/PageSkeleton';
import { formatPhone } from '../../lib/phones';
import { useUpdateClient } from '../../api/queries/clients';
import { useCustomFields } from '../../api/queries/customFields';
import { usePractitioners } from '../../api/queries/practitioners';
import { ClientForm } from './ClientForm';
import { toClientUpdate } from './clientForm';
import { ClientStatusBadge } from './ClientStatusBadge';
import { formatPlainDate } from './format';
import { PractitionerList } from './PractitionerList';

export function ProfileTab({ client }: { client: Client }) {
  const [editing, setEditing] = useState(false);
  return editing ? (
    <ProfileEditor client={client} onDone={() => setEditing(false)} />
  ) : (
    <ProfileView client={client} onEdit={() => setEditing(true)} />
  );
}

function ProfileEditor({ client, onDone }: { client: Client; onDone: () => void }) {
  const { t } = useTranslation();
  const customFields = useCustomFields();
  const practitioners = usePractitioners({ readAll: true });
  const update = useUpdateClient();

  if (customFields.isPending || practitioners.query.isPending) return <PageSkeleton />;
  const fields = customFields.data ?? [];
  return (
    <ClientForm
      client={client}
      customFields={fields}
      practitioners={practitioners.items}
      submitLabel={t('clients.form.save')}
      onCancel={onDone}
      onSubmit={async (values, initial) => {
        const changes = toClientUpdate(initial, values, fields);
        if (Object.keys(changes).length === 0) {
          notifications.show({ color: 'gray', message: t('clients.form.nothingChanged') });
        } else {
          await update.mutateAsync({ params: { path: { client_id: client.id } }, body: changes });
          notifications.show({ color: 'tend', message: t('clients.form.saved') });
        }
        onDone();
      }}
    />
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper p="md">
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      <DataList size="sm" labelWidth={170} gap={6}>
        {children}
      </DataList>
    </Paper>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>
        {empty ? (
          <Text span size="sm" c="dimmed">
            {t('clients.profile.notSet')}
          </Text>
        ) : (
          children
        )}
      </DataList.ItemValue>
    </DataList.Item>
  );
}

function customValueText(field: CustomFieldDefinition, value: unknown, locale: string, yesNo: [string, string]): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.field_type) {
    case 'checkbox':
      return value === true ? yesNo[0] : yesNo[1];
    case 'date':
      return formatPlainDate(String(value), locale);
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : String(value);
    default:
      return String(value);
  }
}

function ProfileView({ client, onEdit }: { client: Client; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const customFields = useCustomFields();
  const locale = i18n.language;
  const reminders = (['reminder_consent_email', 'reminder_consent_sms', 'reminder_consent_voice'] as const)
    .filter((name) => client[name])
    .map((name) => t(`clients.fields.${name}`));
  const yesNo: [string, string] = [t('clients.profile.yes'), t('clients.profile.no')];

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button variant="light" onClick={onEdit}>
          {t('clients.profile.edit')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('clients.form.personal')}>
          <Item label={t('clients.fields.first_name')}>{client.first_name}</Item>
          <Item label={t('clients.fields.last_name')}>{client.last_name}</Item>
          <Item label={t('clients.fields.preferred_name')}>{client.preferred_name}</Item>
          <Item label={t('clients.fields.date_of_birth')}>{formatPlainDate(client.date_of_birth, locale)}</Item>
          <Item label={t('clients.fields.id_number')}>{client.id_number}</Item>
          <Item label={t('clients.fields.preferred_language')}>
            {client.preferred_language ? t(`clients.languages.${client.preferred_language}`) : t('clients.form.languageDefault')}
          </Item>
        </Section>
        <Section title={t('clients.form.contact')}>
          <Item label={t('clients.fields.phone')}>{formatPhone(client.phone)}</Item>
          <Item label={t('clients.fields.email')}>{client.email}</Item>
          <Item label={t('clients.fields.address')}>
            {client.address ? (
              <Text span size="sm" style={{ whiteSpace: 'pre-line' }}>
                {client.address}
              </Text>
            ) : null}
          </Item>
          <Item label={t('clients.fields.reminders')}>
            {reminders.length > 0 ? reminders.join(', ') : t('clients.profile.noReminders')}
          </Item>
        </Section>
        <Section title={t('clients.form.care')}>
          <Item label={t('clients.fields.status')}>
            <ClientStatusBadge status={client.status} />
          </Item>
          <Item label={t('clients.fields.registered_on')}>{formatPlainDate(client.registered_on, locale)}</Item>
          <Item label={t('clients.fields.practitioner_ids')}>
            {client.practitioners.length > 0 ? <PractitionerList practitioners={client.practitioners} /> : null}
          </Item>
        </Section>
        <Section title={t('clients.form.custom')}>
          {(customFields.data ?? []).map((field) => (
            <Item key={field.id} label={field.label}>
              {customValueText(field, client.custom_fields[field.key], locale, yesNo)}
            </Item>
          ))}
          {customFields.data?.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('clients.profile.noCustomFields')}
            </Text>
          ) : null}
        </Section>
      </SimpleGrid>
    </>
  );
}
