/** Registering a new client; on success the client's page opens. */
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
import { clientDisplayName } from './format';

export default function NewClientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const customFields = useCustomFields();
  const practitioners = usePractitioners({ readAll: true });
  const create = useCreateClient();

  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to="/clients" size="sm">
        ← {t('clients.detail.backToList')}
      </Anchor>
      <Title order={1} size="h2">
        {t('clients.form.newTitle')}
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
          submitLabel={t('clients.form.create')}
          onCancel={() => navigate('/clients')}
          onSubmit={async (values) => {
            const client = await create.mutateAsync({ body: toClientCreate(values, customFields.data) });
            notifications.show({ color: 'tend', message: t('clients.form.created', { name: clientDisplayName(client) }) });
            navigate(`/clients/${client.id}`);
          }}
        />
      )}
    </Stack>
  );
}
