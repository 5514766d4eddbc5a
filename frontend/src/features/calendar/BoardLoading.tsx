/** While the range shown has not loaded, a veil and "Loading appointments…" over the grid: an empty grid must not
 * read as a free week. */
import { Box, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function BoardLoading({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  if (!visible) return null;
  return (
    <Box
      pos="absolute"
      inset={0}
      style={{ zIndex: 5, background: 'rgba(255, 255, 255, 0.6)', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', paddingTop: 64 }}
      data-testid="calendar-loading"
    >
      <Group gap="xs" role="status" bg="white" px="md" py="xs" style={{ borderRadius: 8, boxShadow: 'var(--mantine-shadow-sm)' }}>
        <Loader size="sm" aria-hidden="true" />
        <Text size="sm" fw={600}>
          {t('calendar.board.loading')}
        </Text>
      </Group>
    </Box>
  );
}
