import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createColumnHelper } from '@tanstack/react-table';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { theme } from '../theme';
import { DataTable, type DataTableNavigation } from './DataTable';
import { createRef } from 'react';

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

// Each render uses env="test", as renderApp does: jsdom measures every element 0×0, so without it Mantine's
// floating-ui `hide` check renders the open Columns menu with display:none (and its focus trap complains).
describe('DataTable', () => {
  it('sorts by a column when its header is clicked, ascending then descending', async () => {
    render(
      <MantineProvider theme={theme} env="test">
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
      <MantineProvider theme={theme} env="test">
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

  it('walks the rows from the keyboard: the owner focuses the first, ↓/↑ move, Enter opens, ↑ on the first leaves', async () => {
    const opened: string[] = [];
    const onExit = vi.fn();
    const navigation = createRef<DataTableNavigation>();
    render(
      <MantineProvider theme={theme} env="test">
        <DataTable
          data={rows}
          columns={columns}
          getRowId={(row) => row.id}
          onRowOpen={(row) => opened.push(row.name)}
          onExit={onExit}
          navigationRef={navigation}
        />
      </MantineProvider>,
    );
    const user = userEvent.setup();
    const bodyRows = screen.getAllByRole('row').slice(1);

    navigation.current?.focusRow(0);
    expect(bodyRows[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(bodyRows[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(bodyRows[2]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(bodyRows[2]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(opened).toEqual(['Cleo']);
    await user.keyboard('{Home}{ArrowUp}');
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  describe('on a narrow screen', () => {
    const original = window.matchMedia;
    afterEach(() => {
      window.matchMedia = original;
    });

    it('shows each row as a card: the first column as its title, the others labelled by their headers', async () => {
      window.matchMedia = (query: string) => ({ ...original(query), matches: query.includes('max-width') });
      render(
        <MantineProvider theme={theme} env="test">
          <DataTable data={rows} columns={columns} getRowId={(row) => row.id} testId="people" />
        </MantineProvider>,
      );
      const cards = await screen.findAllByRole('listitem');
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
      expect(cards).toHaveLength(3);
      expect(cards[0]).toHaveTextContent('Bea');
      expect(within(cards[0] as HTMLElement).getByText('Sessions').tagName).toBe('DT');
      expect(within(cards[0] as HTMLElement).getByText('2').tagName).toBe('DD');
    });
  });
});
