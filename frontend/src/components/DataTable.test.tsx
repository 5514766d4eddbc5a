import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createColumnHelper } from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';
import { theme } from '../theme';
import { DataTable } from './DataTable';

interface Row {
  id: string;
  name: string;
  sessions: number;
}

const column = createColumnHelper<Row>();
const columns = [
  column.accessor('name', { header: 'Name', enableHiding: false }),
  column.accessor('sessions', { header: 'Sessions' }),
  column.accessor((row) => row.name.length, { id: 'length', header: 'Length' }),
];
const rows: Row[] = [
  { id: 'b', name: 'Bea', sessions: 2 },
  { id: 'a', name: 'Al', sessions: 7 },
  { id: 'c', name: 'Cleo', sessions: 1 },
];

function names() {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
}

describe('DataTable', () => {
  it('sorts by a column when its header is clicked, ascending then descending', async () => {
    render(
      <MantineProvider theme={theme}>
        <DataTable data={rows} columns={columns} getRowId={(row) => row.id} />
      </MantineProvider>,
    );
    const user = userEvent.setup();
    expect(names()).toEqual(['Bea', 'Al', 'Cleo']);

    await user.click(screen.getByRole('button', { name: /Name/ }));
    expect(names()).toEqual(['Al', 'Bea', 'Cleo']);
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(screen.getByRole('button', { name: /Name/ }));
    expect(names()).toEqual(['Cleo', 'Bea', 'Al']);
  });

  it('hides and shows columns from the Columns menu, never the ones that may not be hidden', async () => {
    render(
      <MantineProvider theme={theme}>
        <DataTable data={rows} columns={columns} getRowId={(row) => row.id} />
      </MantineProvider>,
    );
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Columns' }));
    expect(screen.queryByRole('menuitem', { name: 'Name' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('menuitem', { name: 'Sessions' }));

    expect(screen.queryByRole('columnheader', { name: /Sessions/ })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Length/ })).toBeInTheDocument();
    expect(within(screen.getAllByRole('row')[1] as HTMLElement).getAllByRole('cell')).toHaveLength(2);
  });
});
