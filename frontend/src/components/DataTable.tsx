/**
 * Every table: TanStack Table for the rows, sorting (click a header) and column visibility (the "Columns"
 * menu), Mantine for the look. Skeleton rows while the first page loads.
 */
import { ActionIcon, Checkbox, Group, Menu, Skeleton, Stack, Table, UnstyledButton, type TableTrProps } from '@mantine/core';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type RowData,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { FIT } from './tableStyles';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned: numbers and row actions. */
    align?: 'right';
    /** As narrow as its content (status badges, row actions): the text columns get the rest. */
    fit?: boolean;
    /** Kept on one line (numbers, dates). */
    nowrap?: boolean;
    /** The column's name in the "Columns" menu when its header is not plain text. */
    label?: string;
  }
}

const NOWRAP: CSSProperties = { whiteSpace: 'nowrap' };

export interface DataTableProps<T> {
  data: readonly T[];
  // Cell values differ per column; TanStack's own examples type the list this way.
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** Skeleton rows instead of data (the first load). */
  loadingRows?: number;
  /** Showing the previous rows while new ones load. */
  stale?: boolean;
  rowProps?: (row: T) => TableTrProps;
  initialSorting?: SortingState;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  testId?: string;
  highlightOnHover?: boolean;
}

function SortButton<T>({ header }: { header: Header<T, unknown> }) {
  const { t } = useTranslation();
  const sorted = header.column.getIsSorted();
  const label = header.column.columnDef.meta?.label ?? String(header.column.columnDef.header ?? header.id);
  return (
    <UnstyledButton
      onClick={header.column.getToggleSortingHandler()}
      title={t('common.sortBy', { column: label })}
      fw="inherit"
      fz="inherit"
    >
      <Group gap={4} wrap="nowrap">
        {flexRender(header.column.columnDef.header, header.getContext())}
        <span aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
      </Group>
    </UnstyledButton>
  );
}

export function DataTable<T>({
  data,
  columns,
  getRowId,
  loadingRows = 0,
  stale = false,
  rowProps,
  initialSorting = [],
  minWidth,
  testId,
  highlightOnHover = true,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>({});
  const table = useReactTable({
    data: data as T[],
    columns,
    getRowId,
    state: { sorting, columnVisibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setColumnVisibility,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  const visible = table.getVisibleLeafColumns();

  const cellStyle = (meta: { fit?: boolean; nowrap?: boolean } | undefined) =>
    meta?.fit ? FIT : meta?.nowrap ? NOWRAP : undefined;

  const grid = (
    <Table
      verticalSpacing="sm"
      highlightOnHover={highlightOnHover && loadingRows === 0}
      aria-busy={loadingRows > 0 || stale}
      opacity={stale ? 0.6 : 1}
      data-testid={testId}
    >
      <Table.Thead>
        {table.getHeaderGroups().map((group) => (
          <Table.Tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const meta = header.column.columnDef.meta;
              return (
                <Table.Th
                  key={header.id}
                  ta={meta?.align}
                  style={cellStyle(meta)}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                >
                  {header.column.getCanSort() ? (
                    <SortButton header={header} />
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Thead>
      <Table.Tbody>
        {loadingRows > 0
          ? Array.from({ length: loadingRows }, (_, row) => (
              <Table.Tr key={row}>
                {visible.map((column, index) => (
                  <Table.Td key={column.id}>
                    <Skeleton height={14} radius="sm" width={index === 0 ? '80%' : '60%'} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))
          : table.getRowModel().rows.map((row) => (
              <Table.Tr key={row.id} {...rowProps?.(row.original)}>
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  return (
                    <Table.Td key={cell.id} ta={meta?.align} style={cellStyle(meta)}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <Stack gap={0}>
      {hideable.length > 1 ? (
        <Group justify="flex-end" px="xs" pt={4}>
          <Menu position="bottom-end" closeOnItemClick={false} withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('common.columns')}>
                <span aria-hidden="true">☰</span>
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('common.columns')}</Menu.Label>
              {hideable.map((column) => (
                <Menu.Item key={column.id} onClick={column.getToggleVisibilityHandler()}>
                  <Checkbox
                    size="xs"
                    readOnly
                    tabIndex={-1}
                    checked={column.getIsVisible()}
                    label={column.columnDef.meta?.label ?? String(column.columnDef.header ?? column.id)}
                  />
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      ) : null}
      {minWidth ? <Table.ScrollContainer minWidth={minWidth}>{grid}</Table.ScrollContainer> : grid}
    </Stack>
  );
}
