/** One client: header (name, status, balances, practitioners) and the record's tabs, each with its own URL. */
import { Alert, Anchor, Button, Skeleton, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { StatusMessage } from '../../components/StatusMessage';
import { isClientMissing, useClient } from '../../api/queries/clients';
import { ArrivesLaterTab } from './ArrivesLaterTab';
import { ClientHeader } from './ClientHeader';
import { ProfileTab } from './ProfileTab';
import { ProgramsTab } from './ProgramsTab';
import { RelationshipsTab } from './RelationshipsTab';

const TABS = ['profile', 'appointments', 'ledger', 'bills', 'relationships', 'programs', 'surveys'] as const;
type ClientTab = (typeof TABS)[number];

function readTab(value: string | undefined): ClientTab {
  return TABS.find((tab) => tab === value) ?? 'profile';
}

export default function ClientDetailPage() {
  const { clientId = '', tab } = useParams();
  // A new client (another id on the same route) starts with fresh tab state: no half-finished edit carried over.
  return <ClientDetail key={clientId} clientId={clientId} tab={readTab(tab)} />;
}

function ClientDetail({ clientId, tab }: { clientId: string; tab: ClientTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useClient(clientId);

  if (client.isError && isClientMissing(client.error)) {
    return (
      <Stack gap="md">
        <Anchor component={Link} to="/clients" size="sm">
          ← {t('clients.detail.backToList')}
        </Anchor>
        <StatusMessage title={t('clients.detail.notFoundTitle')} body={t('clients.detail.notFoundBody')} />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/clients" size="sm">
        ← {t('clients.detail.backToList')}
      </Anchor>
      {client.isError ? (
        <Alert color="red" variant="light" role="alert" title={t('clients.detail.loadFailed')}>
          <Button variant="default" size="xs" onClick={() => void client.refetch()}>
            {t('clients.list.retry')}
          </Button>
        </Alert>
      ) : client.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label={t('app.loading')}>
          <Skeleton height={34} width="35%" />
          <Skeleton height={18} width="55%" />
          <Skeleton height={36} mt="md" />
          <Skeleton height={240} />
        </Stack>
      ) : (
        <>
          <ClientHeader client={client.data} />
          <Tabs
            value={tab}
            onChange={(value) => navigate(`/clients/${clientId}${value && value !== 'profile' ? `/${value}` : ''}`, { replace: true })}
            keepMounted={false}
          >
            <Tabs.List aria-label={t('clients.detail.tabsLabel')}>
              {TABS.map((name) => (
                <Tabs.Tab key={name} value={name}>
                  {t(`clients.detail.tabs.${name}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="profile" pt="md">
              <ProfileTab client={client.data} />
            </Tabs.Panel>
            <Tabs.Panel value="appointments" pt="md">
              <ArrivesLaterTab title={t('clients.detail.arrivesWithScheduling')} />
            </Tabs.Panel>
            <Tabs.Panel value="ledger" pt="md">
              <ArrivesLaterTab title={t('clients.detail.arrivesWithLedger')} />
            </Tabs.Panel>
            <Tabs.Panel value="bills" pt="md">
              <ArrivesLaterTab title={t('clients.detail.arrivesWithLedger')} />
            </Tabs.Panel>
            <Tabs.Panel value="relationships" pt="md">
              <RelationshipsTab client={client.data} />
            </Tabs.Panel>
            <Tabs.Panel value="programs" pt="md">
              <ProgramsTab client={client.data} />
            </Tabs.Panel>
            <Tabs.Panel value="surveys" pt="md">
              <ArrivesLaterTab title={t('clients.detail.arrivesWithSurveys')} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
