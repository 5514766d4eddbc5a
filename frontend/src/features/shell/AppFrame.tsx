import { AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, matchPath, useLocation } from 'react-router';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { PageSkeleton } from '../../components/PageSkeleton';
import { useLogout } from '../auth/useLogout';
import { useSession } from '../auth/useSession';
import { navItemsFor } from './navigation';

/** The signed-in frame: header (who, language, sign out), navbar, and the current screen. */
export function AppFrame() {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname } = useLocation();
  const logout = useLogout();
  const [navbarOpened, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false);

  if (session.status !== 'signed_in') return null; // RequireAuth guards this; keeps the types honest
  const { user } = session;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navbarOpened}
              onClick={toggleNavbar}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
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

      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.label')}>
        <Stack gap={4}>
          {navItemsFor(user.role).map((item) => {
            const active = matchPath({ path: item.to, end: item.to === '/' }, pathname) !== null;
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(item.label)}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={closeNavbar}
              />
            );
          })}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
