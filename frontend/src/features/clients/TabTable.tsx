import { Alert, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface TabTableProps {
  query: { isError: boolean; isPending: boolean };
  rowCount: number;
  loadFailed: string;
  empty: string;
  testId: string;
  headers: ReactNode[];
  children: ReactNode;
}

/** The list frame the client tabs share: load error, skeleton while loading, empty state, or the table. */
export function TabTable({ query, rowCount, loadFailed, empty, testId, headers, children }: TabTableProps) {
  if (query.isError) {
    return (
      <Alert color="red" variant="light" role="alert">
        {loadFailed}
      </Alert>
    );
  }
  if (query.isPending) {
    return (
      <Stack gap="xs">
        <Skeleton height={36} />
        <Skeleton height={36} />
      </Stack>
    );
  }
  if (rowCount === 0) {
    return (
      <Paper p="lg">
        <Text c="dimmed">{empty}</Text>
      </Paper>
    );
  }
  const last = headers.length - 1;
  return (
    <Paper p={0}>
      <Table verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header, index) => (
              <Table.Th key={index} ta={index === last ? 'right' : undefined}>
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Paper>
  );
}
