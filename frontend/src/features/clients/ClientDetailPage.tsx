/**
 * One client: header (name, status, balances, practitioners, record actions) and the record's tabs, each with its
 * own URL. A merged-away record's URL opens the record it was merged into, and says so.
 */
import { Alert, Anchor, Button, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { StatusMessage } from '../../components/StatusMessage';
import { isClientMissing, mergedInto, useClient } from '../../api/queries/clients';
import type { Client } from '../../api/types';
import { ClientAppointmentsPanel } from '../calendar/ClientAppointmentsPanel';
import { ClientBillsTab } from '../ledger/ClientBillsTab';
import { ClientLedgerTab } from '../ledger/ClientLedgerTab';
import { ArrivesLaterTab } from './ArrivesLaterTab';
import { ClientActions } from './ClientActions';
import { ClientHeader } from './ClientHeader';
import type { PickedClient } from './ClientPicker';
import { useClientWords } from './clientWords';
import { ProfileTab } from './ProfileTab';
import { ProgramsTab } from './ProgramsTab';
import { readRegistered } from './registered';
import { RelationshipsTab } from './RelationshipsTab';

const TABS = ['profile', 'appointments', 'ledger', 'bills', 'relationships', 'programs', 'surveys'] as const;
type ClientTab = (typeof TABS)[number];

/** Each tab's content; the parts still being built say which release brings them. */
const PANELS: Record<ClientTab, (client: Client) => ReactNode> = {
  profile: (client) => <ProfileTab client={client} />,
  appointments: (client) => <ClientAppointmentsPanel client={client} />,
  ledger: (client) => <ClientLedgerTab client={client} />,
  bills: (client) => <ClientBillsTab client={client} />,
  relationships: (client) => <RelationshipsTab client={client} />,
  programs: (client) => <ProgramsTab client={client} />,
  surveys: () => <ArrivesLaterTab part="surveys" />,
};

interface MergedState {
  mergedFrom: string;
}

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
  const words = useClientWords();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useClient(clientId);
  const [mergeWith, setMergeWith] = useState<{ other: PickedClient | null } | null>(null);
  const registered = readRegistered(location.state);
  const [duplicatesShown, setDuplicatesShown] = useState(true);
  const mergedFrom = (location.state as MergedState | null)?.mergedFrom ?? null;

  const backLink = (
    <Anchor component={Link} to="/clients" size="sm">
      ← {t('clients.detail.backToList', words)}
    </Anchor>
  );

  const survivorId = client.isError ? mergedInto(client.error) : null;
  if (survivorId) {
    const state: MergedState = { mergedFrom: clientId };
    return <Navigate to={`/clients/${survivorId}${tab === 'profile' ? '' : `/${tab}`}`} replace state={state} />;
  }
  if (client.isError && isClientMissing(client.error)) {
    return (
      <Stack gap="md">
        {backLink}
        <StatusMessage title={t('clients.detail.notFoundTitle', words)} body={t('clients.detail.notFoundBody', words)} />
      </Stack>
    );
  }

  const duplicates = duplicatesShown ? (registered?.possibleDuplicates ?? []) : [];

  return (
    <Stack gap="md">
      {backLink}
      {mergedFrom ? (
        <Alert color="blue" variant="light" data-testid="merged-notice">
          {t('clients.detail.mergedNotice')}
        </Alert>
      ) : null}
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
          <ClientHeader
            client={client.data}
            actions={<ClientActions client={client.data} mergeWith={mergeWith} onMergeWith={setMergeWith} />}
          />
          {duplicates.length > 0 ? (
            <Alert
              color="yellow"
              variant="light"
              title={t('clients.detail.possibleDuplicateTitle')}
              withCloseButton
              closeButtonLabel={t('clients.detail.later')}
              onClose={() => setDuplicatesShown(false)}
              data-testid="possible-duplicate-notice"
            >
              <Text size="sm" mb="xs">
                {t('clients.detail.possibleDuplicateBody')}
              </Text>
              <Group gap="xs">
                {duplicates.map((other) => (
                  <Button key={other.id} size="xs" variant="light" color="yellow.9" onClick={() => setMergeWith({ other })}>
                    {t('clients.detail.mergeWithNamed', { name: other.name })}
                  </Button>
                ))}
              </Group>
            </Alert>
          ) : null}
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
            {TABS.map((name) => (
              <Tabs.Panel key={name} value={name} pt="md">
                {PANELS[name](client.data)}
              </Tabs.Panel>
            ))}
          </Tabs>
        </>
      )}
    </Stack>
  );
}
