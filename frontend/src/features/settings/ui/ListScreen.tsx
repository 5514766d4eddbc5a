/** A settings list screen: header with "show inactive" and "New ...", then the table (or loading / error / empty). */
import { Button, Stack, VisuallyHidden } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFrame, type ListQuery } from '../../../components/ListFrame';
import { SectionHeader } from './SectionHeader';
import { ShowInactiveSwitch } from './ShowInactiveSwitch';
import { StatusBadge } from './StatusBadge';
import { DataTable } from '../../../components/DataTable';

export interface ListColumn<T> {
  id: string;
  header: string;
  cell: (item: T) => ReactNode;
  /** What the column sorts by; without it the column does not sort. */
  sortValue?: (item: T) => string | number;
  /** Kept on one line (numbers, dates). */
  nowrap?: boolean;
}

/** The settings sections shown as a list; each has a title, description, "new" label and empty state text. */
export type ListSection = 'practitioners' | 'programs' | 'services' | 'locations' | 'users' | 'customFields' | 'apiKeys';

export interface ListScreenProps<T extends { id: string }> {
  /** Where its texts are: `settings.<section>.title`, `.description`, `.new`, `.emptyTitle`, `.emptyHint`. */
  section: ListSection;
  onNew: () => void;
  showInactive: boolean;
  onShowInactiveChange: (checked: boolean) => void;
  showInactiveLabel?: string;
  query: ListQuery;
  /** Rows in the server's order; active ones are shown first. */
  items: readonly T[];
  /** The columns before Status. */
  columns: ListColumn<T>[];
  isActive: (item: T) => boolean;
  inactiveLabel?: string;
  /** The last (unlabelled) column: the row's actions. */
  actions: (item: T) => ReactNode;
  rowTestId?: string;
  /** Forms, drawers and dialogs opened from the list. */
  children?: ReactNode;
}

export function ListScreen<T extends { id: string }>(props: ListScreenProps<T>) {
  const { t } = useTranslation();
  const { query } = props;
  const { section } = props;
  const newButton = <Button onClick={props.onNew}>{t(`settings.${section}.new`)}</Button>;
  const items = [...props.items.filter(props.isActive), ...props.items.filter((item) => !props.isActive(item))];
  const columns: ColumnDef<T, string | number | boolean>[] = [
    ...props.columns.map(
      (column): ColumnDef<T, string | number | boolean> => ({
        id: column.id,
        header: column.header,
        accessorFn: column.sortValue ?? (() => ''),
        enableSorting: column.sortValue !== undefined,
        cell: ({ row }) => column.cell(row.original),
        meta: { nowrap: column.nowrap },
      }),
    ),
    {
      id: 'status',
      header: t('common.status'),
      accessorFn: (item) => props.isActive(item),
      cell: ({ row }) => <StatusBadge active={props.isActive(row.original)} inactiveLabel={props.inactiveLabel} />,
      meta: { fit: true },
    },
    {
      id: 'actions',
      header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
      cell: ({ row }) => props.actions(row.original),
      enableSorting: false,
      enableHiding: false,
      meta: { fit: true, label: t('common.actions') },
    },
  ];

  return (
    <Stack gap="md">
      <SectionHeader
        title={t(`settings.${section}.title`)}
        description={t(`settings.${section}.description`)}
        actions={
          <>
            <ShowInactiveSwitch checked={props.showInactive} onChange={props.onShowInactiveChange} label={props.showInactiveLabel} />
            {newButton}
          </>
        }
      />
      <ListFrame
        query={query}
        isEmpty={items.length === 0}
        emptyTitle={t(`settings.${section}.emptyTitle`)}
        emptyHint={t(`settings.${section}.emptyHint`)}
        emptyAction={newButton}
      >
        <DataTable
          data={items}
          columns={columns}
          getRowId={(item) => item.id}
          rowProps={(item) => ({ 'data-testid': props.rowTestId, c: props.isActive(item) ? undefined : 'dimmed' })}
        />
      </ListFrame>
      {props.children}
    </Stack>
  );
}
