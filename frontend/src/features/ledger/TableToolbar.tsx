/**
 * Above each of the practice's ledger tables: its filters, "Export CSV" (the server's file, with the same
 * filters), how many rows are shown, and — for a paged list — that sorting and filters see only the loaded rows.
 */
import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../i18n/problemText';

interface TableToolbarProps {
  /** The filter inputs. */
  children: ReactNode;
  onExport: () => Promise<void>;
  exportDisabled?: boolean;
  shown: number;
  total: number;
  /** A paged list with more pages on the server: what it has loaded so far. */
  loadedOnly?: number | null;
  /** Shown while any filter is set. */
  onClear?: (() => void) | null;
}

export function TableToolbar({ children, onExport, exportDisabled = false, shown, total, loadedOnly, onClear }: TableToolbarProps) {
  const { t } = useTranslation();
  const describeProblem = useProblemText();
  const [exporting, setExporting] = useState(false);

  async function exportRows() {
    setExporting(true);
    try {
      await onExport();
    } catch (error) {
      notifications.show({ color: 'red', title: t('ledger.tables.exportFailed'), message: describeProblem(error).message });
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <Group align="flex-end" gap="sm" role="group" aria-label={t('ledger.tables.filters')}>
        {children}
        {onClear ? (
          <Button variant="subtle" onClick={onClear}>
            {t('ledger.tables.clearFilters')}
          </Button>
        ) : null}
      </Group>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="rows-shown">
          {t('ledger.tables.shown', { shown, total })}
        </Text>
        <Button variant="default" onClick={() => void exportRows()} loading={exporting} disabled={exportDisabled}>
          {t('ledger.tables.export')}
        </Button>
      </Group>
      {loadedOnly ? (
        <Alert variant="light" color="blue" py="xs" data-testid="loaded-only">
          {t('ledger.tables.loadedOnly', { count: loadedOnly })}
        </Alert>
      ) : null}
    </>
  );
}

/** What a filtered table shows when no row matches its filters. */
export function NoMatch() {
  const { t } = useTranslation();
  return (
    <Paper p="lg" withBorder data-testid="no-match">
      <Text ta="center">{t('ledger.tables.noMatch')}</Text>
    </Paper>
  );
}
