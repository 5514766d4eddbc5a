import { Button, EmptyState, Group, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface ClientsEmptyStateProps {
  query: string;
  hasFilters: boolean;
  onClearFilters: () => void;
}

/** What to do when the list is empty: fix the search, clear the filters, or register the client. */
export function ClientsEmptyState({ query, hasFilters, onClearFilters }: ClientsEmptyStateProps) {
  const { t } = useTranslation();
  const [title, description] = query
    ? [t('clients.list.noMatchTitle', { query }), t('clients.list.noMatchBody')]
    : hasFilters
      ? [t('clients.list.noFilterMatchTitle'), t('clients.list.noFilterMatchBody')]
      : [t('clients.list.emptyTitle'), t('clients.list.emptyBody')];

  return (
    <Paper p="xl" data-testid="clients-empty">
      <EmptyState title={title} description={description}>
        <EmptyState.Actions>
          <Group justify="center">
            {hasFilters ? (
              <Button variant="default" onClick={onClearFilters}>
                {t('clients.list.clearFilters')}
              </Button>
            ) : null}
            <Button component={Link} to="/clients/new">
              {t('clients.list.register')}
            </Button>
          </Group>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
