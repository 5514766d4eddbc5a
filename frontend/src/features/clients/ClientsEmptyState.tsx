import { Button, EmptyState, Group, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClientWords } from './clientWords';

interface ClientsEmptyStateProps {
  query: string;
  hasFilters: boolean;
  onClearFilters: () => void;
  /** The user sees only her own clients (a clinician): a search that finds nothing may be someone else's. */
  ownOnly?: boolean;
}

/** What to do when the list is empty: fix the search, clear the filters, or register the client. */
export function ClientsEmptyState({ query, hasFilters, onClearFilters, ownOnly = false }: ClientsEmptyStateProps) {
  const { t } = useTranslation();
  const words = useClientWords();
  const [title, description] = query
    ? [
        t('clients.list.noMatchTitle', { ...words, query }),
        ownOnly ? t('clients.list.noMatchOtherPractitioner', words) : t('clients.list.noMatchBody'),
      ]
    : hasFilters
      ? [t('clients.list.noFilterMatchTitle', words), t('clients.list.noFilterMatchBody', words)]
      : [t('clients.list.emptyTitle', words), t('clients.list.emptyBody', words)];
  // Someone a clinician cannot find is probably a colleague's client: registering them again makes a duplicate.
  const offerRegister = !(ownOnly && query);

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
            {offerRegister ? (
              <Button component={Link} to="/clients/new">
                {t('clients.list.register', words)}
              </Button>
            ) : null}
          </Group>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
