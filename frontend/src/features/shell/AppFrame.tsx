import { AppShell, Burger, Button, Group, NavLink, Stack, Text, Title, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery, useWindowEvent } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, matchPath, useLocation } from 'react-router';
import { useHeadingFocusOnNavigation } from '../../components/focusKeeper';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { PageSkeleton } from '../../components/PageSkeleton';
import { PracticeDates } from '../../components/PracticeDates';
import { SkipLink } from '../../components/SkipLink';
import { useLogout } from '../auth/useLogout';
import { useSession } from '../auth/useSession';
import { useClientWords } from '../clients/clientWords';
import { navItemsFor, navLabel } from './navigation';

const MAIN_ID = 'main-content';
const BURGER_ID = 'navigation-burger';

/**
 * The signed-in frame: skip link, header (who, language, sign out), navbar, and the current screen. Below the
 * theme's md breakpoint (a tablet) the navbar folds into the header's burger and the screen gets the full width.
 */
export function AppFrame() {
  const { t } = useTranslation();
  const words = useClientWords();
  const session = useSession();
  const { pathname } = useLocation();
  const logout = useLogout();
  const [navbarOpened, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false);
  useHeadingFocusOnNavigation();
  const theme = useMantineTheme();
  // Below md the navbar slides off screen when folded; inert keeps its links out of the tab order too.
  const narrow = useMediaQuery(`(max-width: ${parseFloat(theme.breakpoints.md) - 0.01}em)`);
  const folded = narrow && !navbarOpened;
  // Escape folds the opened navbar away again and gives focus back to the burger.
  useWindowEvent('keydown', (event) => {
    if (event.key !== 'Escape' || !navbarOpened || document.querySelector('[role="dialog"][aria-modal="true"]')) return;
    closeNavbar();
    document.getElementById(BURGER_ID)?.focus();
  });

  if (session.status !== 'signed_in') return null; // RequireAuth guards this; keeps the types honest
  const { user } = session;

  return (
    <PracticeDates>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 232, breakpoint: 'md', collapsed: { mobile: !navbarOpened } }}
      >
        <SkipLink targetId={MAIN_ID} />
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navbarOpened}
                onClick={toggleNavbar}
                id={BURGER_ID}
                hiddenFrom="md"
                size="sm"
                aria-label={t('nav.toggle')}
                aria-expanded={navbarOpened}
                aria-controls="main-navigation"
              />
              <Title order={2} size="h3" c="tend.8">
                {t('app.name')}
              </Title>
            </Group>
            <Group gap="lg" wrap="nowrap">
              <LanguageSwitcher />
              <Stack gap={0} align="flex-end" data-testid="current-user">
                <Text size="sm" fw={600} lh={1.3}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.3}>
                  {t(`roles.${user.role}`)}
                </Text>
              </Stack>
              <Button variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
                {t('auth.signOut')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        {/* On a tablet the opened navbar slides over the page as a panel, not across the whole screen. */}
        <AppShell.Navbar
          p="sm"
          component="nav"
          id="main-navigation"
          aria-label={t('nav.label')}
          inert={folded}
          maw={narrow ? 300 : undefined}
          style={narrow && navbarOpened ? { boxShadow: 'var(--mantine-shadow-xl)' } : undefined}
        >
          <Stack gap={4}>
            {navItemsFor(user.role).map((item) => {
              const active = matchPath({ path: item.to, end: item.to === '/' }, pathname) !== null;
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={navLabel(item, t, words)}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={closeNavbar}
                />
              );
            })}
          </Stack>
        </AppShell.Navbar>

        <AppShell.Main id={MAIN_ID} tabIndex={-1} style={{ outline: 'none' }}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </PracticeDates>
  );
}
