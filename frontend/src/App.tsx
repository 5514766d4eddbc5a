import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { useFocusKeeper } from './components/focusKeeper';
import { SessionKeeper } from './features/auth/SessionKeeper';
import { createQueryClient } from './queryClient';
import { createAppRouter } from './router';
import { cssVariablesResolver, theme, themeLabels } from './theme';

export function App() {
  const { t, i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  // The theme names Mantine's icon-only buttons (close, clear, ...) in the UI language.
  const localTheme = useMemo(() => mergeThemeOverrides(theme, themeLabels(t)), [t, i18n.resolvedLanguage]);
  useFocusKeeper();

  return (
    <MantineProvider theme={localTheme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {/* Bottom right: toasts never cover the header's buttons (language, sign out) or a dialog's actions. */}
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <SessionKeeper />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
