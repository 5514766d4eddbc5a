/**
 * Every table: TanStack Table for the rows, sorting (click a header) and column visibility (the "Columns"
 * menu), Mantine for the look. Skeleton rows while the first page loads.
 *
 * Layout, for every list at once: the table scrolls sideways inside its frame with a visible scrollbar, with the
 * first column (the row's name) and an `actions` column pinned; below `cardsBelow` (a phone) each row is a card
 * built from the same column definitions. With `onRowOpen` the rows are a keyboard list: ↑/↓ (Home/End) move
 * through them with visible focus, Enter opens the focused one, ↑ on the first row (or Escape) calls `onExit`.
 */
import {
  ActionIcon,
  Box,
  Checkbox,
  Group,
  Menu,
  Skeleton,
  Stack,
  Table,
  UnstyledButton,
  useMantineTheme,
  type MantineBreakpoint,
  type TableTrProps,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Cell,
  type Column,
  type ColumnDef,
  type ColumnDefTemplate,
  type Header,
  type RowData,
  type SortingState,
  type Updater,
  type VisibilityState,
} from '@tanstack/react-table';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import classes from './DataTable.module.css';
import { FIT } from './tableStyles';

declare module '@tanstack/react-table' {
  // An augmentation repeats the library's type parameters, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned: numbers and row actions. */
    align?: 'right';
    /** As narrow as its content (status badges, row actions): the text columns get the rest. */
    fit?: boolean;
    /** Kept on one line (numbers, dates). */
    nowrap?: boolean;
    /** The column's name in the "Columns" menu and on cards when its header is not plain text. */
    label?: string;
  }
}

const NOWRAP: CSSProperties = { whiteSpace: 'nowrap' };
/** The column pinned at the end while the table scrolls (and placed beside the title on a card). */
const ACTIONS_COLUMN = 'actions';
const ROW_INDEX = 'data-row-index';

/** What a list's owner can do with its rows from the keyboard (e.g. the search box's ↓ goes to the first row). */
export interface DataTableNavigation {
  /** Focuses the row at `index` (clamped); false when there are no rows. */
  focusRow: (index: number) => boolean;
}

export interface DataTableProps<T> {
  data: readonly T[];
  // Cell values differ per column; TanStack's own examples type the list this way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** Skeleton rows instead of data (the first load). */
  loadingRows?: number;
  /** Showing the previous rows while new ones load. */
  stale?: boolean;
  rowProps?: (row: T) => TableTrProps;
  initialSorting?: SortingState;
  /** The order, when the owner needs it too (e.g. to download the rows in the order shown). */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /** Rows under the body (totals), in the table layout only: cards have no footer. */
  footer?: ReactNode;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  testId?: string;
  highlightOnHover?: boolean;
  /** Below this breakpoint the rows are cards; false keeps the table at every width. */
  cardsBelow?: MantineBreakpoint | false;
  /** Makes the rows a keyboard list: Enter on a focused row opens it. */
  onRowOpen?: (row: T) => void;
  /** ↑ on the first row, or Escape on any: back to where the list is driven from (a search box). */
  onExit?: () => void;
  navigationRef?: Ref<DataTableNavigation>;
}

/**
 * A header or cell template rendered by calling it, not mounted as a component (TanStack's flexRender): columns
 * are often rebuilt on every render, and a new component type each time would remount every cell, losing focus
 * and open menus. So templates are plain render functions (no hooks).
 */
function flexRender<TProps extends object>(template: ColumnDefTemplate<TProps> | undefined, props: TProps): ReactNode {
  return typeof template === 'function' ? (template as (props: TProps) => ReactNode)(props) : template;
}

function columnLabel<T>(column: Column<T, unknown>): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === 'string' ? header : column.id);
}

function SortButton<T>({ header }: { header: Header<T, unknown> }) {
  const { t } = useTranslation();
  const sorted = header.column.getIsSorted();
  return (
    <UnstyledButton
      onClick={header.column.getToggleSortingHandler()}
      title={t('common.sortBy', { column: columnLabel(header.column) })}
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

/** Keeps the scroller's edge shadows in step with what is scrolled out of view. */
function useScrollEdges() {
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const update = useCallback(() => {
    if (!scroller) return;
    const { scrollLeft, scrollWidth, clientWidth } = scroller;
    scroller.toggleAttribute('data-scrolled-start', scrollLeft > 0);
    scroller.toggleAttribute('data-more-end', scrollLeft + clientWidth < scrollWidth - 1);
  }, [scroller]);
  useEffect(() => {
    if (!scroller) return;
    update();
    const observer = new ResizeObserver(update);
    observer.observe(scroller);
    if (scroller.firstElementChild) observer.observe(scroller.firstElementChild);
    return () => observer.disconnect();
  }, [scroller, update]);
  return { ref: setScroller, onScroll: update };
}

export function DataTable<T>({
  data,
  columns,
  getRowId,
  loadingRows = 0,
  stale = false,
  rowProps,
  initialSorting = [],
  sorting: ownedSorting,
  onSortingChange,
  footer,
  minWidth,
  testId,
  highlightOnHover = true,
  cardsBelow = 'sm',
  onRowOpen,
  onExit,
  navigationRef,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const [localSorting, setLocalSorting] = useState<SortingState>(initialSorting);
  const sorting = ownedSorting ?? localSorting;
  const setSorting = (update: Updater<SortingState>) => {
    const next = typeof update === 'function' ? update(sorting) : update;
    setLocalSorting(next);
    onSortingChange?.(next);
  };
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>({});
  // TanStack Table returns functions the React Compiler cannot memoize; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
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
  const rows = table.getRowModel().rows;
  const narrow =
    useMediaQuery(cardsBelow ? `(max-width: ${parseFloat(theme.breakpoints[cardsBelow] ?? '0') - 0.01}em)` : 'not all') ?? false;
  const edges = useScrollEdges();
  const listRef = useRef<HTMLElement | null>(null);
  const keyboard = onRowOpen !== undefined;

  const focusRow = useCallback((index: number) => {
    const items = listRef.current?.querySelectorAll<HTMLElement>(`[${ROW_INDEX}]`) ?? [];
    const target = items[Math.max(0, Math.min(index, items.length - 1))];
    if (!target) return false;
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
    return true;
  }, []);
  useImperativeHandle(navigationRef, () => ({ focusRow }), [focusRow]);

  function onRowKeyDown(event: KeyboardEvent<HTMLElement>) {
    const element = event.target as HTMLElement;
    if (!element.hasAttribute(ROW_INDEX)) return; // keys inside a row's link or button are theirs
    const index = Number(element.getAttribute(ROW_INDEX));
    const row = rows[index];
    if (event.key === 'ArrowDown') focusRow(index + 1);
    else if (event.key === 'ArrowUp') {
      if (index === 0) onExit?.();
      else focusRow(index - 1);
    } else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(rows.length - 1);
    else if (event.key === 'Escape' && onExit) onExit();
    else if (event.key === 'Enter' && row) onRowOpen?.(row.original);
    else return;
    event.preventDefault();
  }

  const rowNavigation = (index: number) =>
    keyboard ? { tabIndex: -1, [ROW_INDEX]: index, onKeyDown: onRowKeyDown } : {};

  const pinned = (column: Column<T, unknown>, index: number) =>
    index === 0 ? classes.pinStart : column.id === ACTIONS_COLUMN && index === visible.length - 1 ? classes.pinEnd : undefined;

  const cellStyle = (meta: { fit?: boolean; nowrap?: boolean } | undefined) =>
    meta?.fit ? FIT : meta?.nowrap ? NOWRAP : undefined;

  const renderCell = (cell: Cell<T, unknown>) => flexRender(cell.column.columnDef.cell, cell.getContext());

  const grid = (
    <Table
      verticalSpacing="sm"
      // 8 px a side (Mantine's xs is 10): the client list's seven columns fit beside the navbar at 1280 px.
      horizontalSpacing={8}
      highlightOnHover={highlightOnHover && loadingRows === 0}
      aria-busy={loadingRows > 0 || stale}
      opacity={stale ? 0.6 : 1}
      data-testid={testId}
      miw={minWidth}
    >
      <Table.Thead>
        {table.getHeaderGroups().map((group) => (
          <Table.Tr key={group.id}>
            {group.headers.map((header, index) => {
              const sorted = header.column.getIsSorted();
              const meta = header.column.columnDef.meta;
              return (
                <Table.Th
                  key={header.id}
                  ta={meta?.align}
                  style={cellStyle(meta)}
                  className={pinned(header.column, index)}
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
      <Table.Tbody ref={listRef as Ref<HTMLTableSectionElement>}>
        {loadingRows > 0
          ? Array.from({ length: loadingRows }, (_, row) => (
              <Table.Tr key={row}>
                {visible.map((column, index) => (
                  <Table.Td key={column.id} className={pinned(column, index)}>
                    <Skeleton height={14} radius="sm" width={index === 0 ? '80%' : '60%'} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))
          : rows.map((row, rowIndex) => (
              <Table.Tr key={row.id} {...rowProps?.(row.original)} {...rowNavigation(rowIndex)} className={keyboard ? classes.row : undefined}>
                {row.getVisibleCells().map((cell, index) => {
                  const meta = cell.column.columnDef.meta;
                  return (
                    <Table.Td key={cell.id} ta={meta?.align} style={cellStyle(meta)} className={pinned(cell.column, index)}>
                      {renderCell(cell)}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
      </Table.Tbody>
      {footer ? <Table.Tfoot>{footer}</Table.Tfoot> : null}
    </Table>
  );

  const cards = (
    <Box
      component="ul"
      ref={listRef as Ref<HTMLUListElement>}
      className={classes.cards}
      aria-busy={loadingRows > 0 || stale}
      opacity={stale ? 0.6 : 1}
      data-testid={testId}
    >
      {loadingRows > 0
        ? Array.from({ length: loadingRows }, (_, index) => (
            <li key={index} className={classes.card}>
              <Skeleton height={14} radius="sm" width="70%" mb="xs" />
              <Skeleton height={12} radius="sm" width="50%" />
            </li>
          ))
        : rows.map((row, rowIndex) => {
            const [title, ...rest] = row.getVisibleCells();
            const actions = rest.find((cell) => cell.column.id === ACTIONS_COLUMN);
            const fields = rest.filter((cell) => cell !== actions);
            const { style, ...props } = (rowProps?.(row.original) ?? {}) as TableTrProps & { style?: CSSProperties };
            return (
              <Box
                component="li"
                key={row.id}
                {...(props as object)}
                style={style}
                {...rowNavigation(rowIndex)}
                className={keyboard ? `${classes.card} ${classes.row}` : classes.card}
              >
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Box miw={0} flex={1}>
                    {title ? renderCell(title) : null}
                  </Box>
                  {actions ? renderCell(actions) : null}
                </Group>
                {fields.length > 0 ? (
                  <dl className={classes.fields}>
                    {fields.map((cell) => (
                      <Box key={cell.id} display="contents">
                        <dt>{columnLabel(cell.column)}</dt>
                        <dd>{renderCell(cell)}</dd>
                      </Box>
                    ))}
                  </dl>
                ) : null}
              </Box>
            );
          })}
    </Box>
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
                  <Checkbox size="xs" readOnly tabIndex={-1} checked={column.getIsVisible()} label={columnLabel(column)} />
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      ) : null}
      {narrow ? (
        cards
      ) : (
        <div ref={edges.ref} onScroll={edges.onScroll} className={classes.scroller}>
          {grid}
        </div>
      )}
    </Stack>
  );
}
