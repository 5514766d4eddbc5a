import { ColorSwatch, Group, Text } from '@mantine/core';
import type { PractitionerRef } from '../../api/types';

/** Practitioners as their calendar colour and name. */
export function PractitionerList({ practitioners, size = 'sm' }: { practitioners: PractitionerRef[]; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Group gap={8} wrap="wrap">
      {practitioners.map((practitioner) => (
        <Group key={practitioner.id} gap={6} wrap="nowrap">
          <ColorSwatch color={practitioner.color} size={10} withShadow={false} aria-hidden />
          <Text size={size} span>
            {practitioner.name}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
