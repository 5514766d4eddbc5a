/** The settings area: a bar of sections over the open section (the tables get the full width). */
import { Box, Button, Group, Skeleton, Stack, Title } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { SETTINGS_SECTIONS } from './sections';

function SectionSkeleton() {
  return (
    <Stack gap="md" aria-busy="true">
      <Skeleton height={28} width="30%" />
      <Skeleton height={16} width="55%" />
      <Skeleton height={260} />
    </Stack>
  );
}

export default function SettingsPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1} size="h3">
          {t('settings.title')}
        </Title>
        <Box
          component="nav"
          aria-label={t('settings.nav.label')}
          pb="xs"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Group gap={4}>
            {SETTINGS_SECTIONS.map((section) => {
              const to = `/settings/${section.path}`;
              const active = pathname === to || pathname.startsWith(`${to}/`);
              return (
                <Button
                  key={section.path}
                  component={Link}
                  to={to}
                  size="compact-md"
                  fw={active ? 650 : 500}
                  variant={active ? 'light' : 'subtle'}
                  color={active ? 'tend' : 'dark'}
                  aria-current={active ? 'page' : undefined}
                >
                  {t(section.label)}
                </Button>
              );
            })}
          </Group>
        </Box>
      </Stack>
      <Suspense fallback={<SectionSkeleton />}>
        <Outlet />
      </Suspense>
    </Stack>
  );
}
