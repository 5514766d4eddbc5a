/**
 * Registering a new client; on success the client's page opens: on the relationships tab with a prompt to add a
 * guardian for a minor, and with an offer to merge when the user registered a possible duplicate anyway.
 */
import { Alert, Anchor, Button, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageSkeleton } from '../../components/PageSkeleton';
import { useCreateClient } from '../../api/queries/clients';
import { useCustomFields } from '../../api/queries/customFields';
import { usePractitioners } from '../../api/queries/practitioners';
import { ClientForm } from './ClientForm';
import { toClientCreate } from './clientForm';
import { useClientWords } from './clientWords';
import { ageOn, clientDisplayName } from './format';
import type { RegisteredState } from './registered';
import { useToday } from './useToday';

const ADULT_AGE = 18;

export default function NewClientPage() {
  const { t } = useTranslation();
  const words = useClientWords();
  const navigate = useNavigate();
  const today = useToday();
  const customFields = useCustomFields();
  const practitioners = usePractitioners({ readAll: true });
  const create = useCreateClient();

  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to="/clients" size="sm">
        ← {t('clients.detail.backToList', words)}
      </Anchor>
      <Title order={1} size="h2">
        {t('clients.form.newTitle', words)}
      </Title>
      {customFields.isError || practitioners.query.isError ? (
        <Alert color="red" variant="light" role="alert" title={t('clients.form.loadFailed')}>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              void customFields.refetch();
              void practitioners.query.refetch();
            }}
          >
            {t('clients.list.retry')}
          </Button>
        </Alert>
      ) : customFields.isPending || practitioners.query.isPending ? (
        <PageSkeleton />
      ) : (
        <ClientForm
          client={null}
          customFields={customFields.data}
          practitioners={practitioners.items}
          submitLabel={t('clients.form.create', words)}
          onCancel={() => navigate('/clients')}
          onSubmit={async (values, _initial, { duplicates }) => {
            const client = await create.mutateAsync({ body: toClientCreate(values, customFields.data) });
            notifications.show({ color: 'tend', message: t('clients.form.created', { name: clientDisplayName(client) }) });
            const age = ageOn(client.date_of_birth, today);
            const state: RegisteredState = {
              registered: {
                promptGuardian: age !== null && age < ADULT_AGE,
                possibleDuplicates: duplicates.map(({ client: other }) => ({ id: other.id, name: clientDisplayName(other) })),
              },
            };
            // A minor's next step is a guardian: open where relationships are added.
            navigate(`/clients/${client.id}${state.registered.promptGuardian ? '/relationships' : ''}`, { state });
          }}
        />
      )}
    </Stack>
  );
}
