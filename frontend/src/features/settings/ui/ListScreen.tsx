/** A settings list screen: header with "show inactive" and "New ...", then the table (or loading / error / empty). */
import { Button, Stack, Table, VisuallyHidden } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFrame, type ListQuery } from '../../../components/ListFrame';
import { SectionHeader } from './SectionHeader';
import { ShowInactiveSwitch } from './ShowInactiveSwitch';
import { StatusBadge } from './StatusBadge';
import { FIT } from './tableStyles';

export interface ListColumn<T> {
  header: ReactNode;
  cell: (item: T) => ReactNode;
  style?: CSSProperties;
}

export interface ListScreenProps<T extends { id: string }> {
  title: string;
  description: string;
  newLabel: string;
  onNew: () => void;
  showInactive: boolean;
  onShowInactiveChange: (checked: boolean) => void;
  showInactiveLabel?: string;
  query: ListQuery;
  /** Rows in display order. */
  items: readonly T[];
  emptyTitle: string;
  emptyHint: string;
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
  const newButton = <Button onClick={props.onNew}>{props.newLabel}</Button>;

  return (
    <Stack gap="md">
      <SectionHeader
        title={props.title}
        description={props.description}
        actions={
          <>
            <ShowInactiveSwitch checked={props.showInactive} onChange={props.onShowInactiveChange} label={props.showInactiveLabel} />
            {newButton}
          </>
        }
      />
      <ListFrame
        query={query}
        isEmpty={props.items.length === 0}
        emptyTitle={props.emptyTitle}
        emptyHint={props.emptyHint}
        emptyAction={newButton}
      >
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((column, index) => (
                <Table.Th key={index}>{column.header}</Table.Th>
              ))}
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.items.map((item) => {
              const active = props.isActive(item);
              return (
                <Table.Tr key={item.id} data-testid={props.rowTestId} c={active ? undefined : 'dimmed'}>
                  {props.columns.map((column, index) => (
                    <Table.Td key={index} style={column.style}>
                      {column.cell(item)}
                    </Table.Td>
                  ))}
                  <Table.Td style={FIT}>
                    <StatusBadge active={active} inactiveLabel={props.inactiveLabel} />
                  </Table.Td>
                  <Table.Td style={FIT}>{props.actions(item)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ListFrame>
      {props.children}
    </Stack>
  );
}
