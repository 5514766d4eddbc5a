import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { createQueryClient } from '../queryClient';
import { routes } from '../router';
import { theme } from '../theme';

/** Renders the real route table at `path`, with the app's providers, for component tests. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    // env="test" is Mantine's switch for jsdom, which lays nothing out: every element measures 0×0, so a
    // menu's floating-ui `hide` check takes its button for scrolled out of view and renders the open dropdown
    // with display:none (its focus trap then finds nothing to focus and says so on stderr). In test env Mantine
    // skips that check and the transitions, so an open menu is visible as it is in a browser.
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, router };
}
