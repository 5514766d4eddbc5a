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
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  // The theme names Mantine's icon-only buttons (close, clear, ...) in the UI language.
  const language = i18n.resolvedLanguage ?? 'en';
  const localTheme = useMemo(() => mergeThemeOverrides(theme, themeLabels(i18n.getFixedT(language))), [i18n, language]);
  useFocusKeeper();

  return (
    <MantineProvider theme={localTheme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {/* Top centre: toasts never cover a dialog's actions, at its bottom right (on a tablet the bottom right of the
          screen is where they are), nor the header's buttons (language, sign out) at its ends. */}
      <Notifications position="top-center" limit={4} />
      <QueryClientProvider client={queryClient}>
        <SessionKeeper />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
