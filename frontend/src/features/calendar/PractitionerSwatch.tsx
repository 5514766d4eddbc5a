import { ColorSwatch } from '@mantine/core';
import { NEUTRAL } from './calendarBlocks';

/** A practitioner's calendar colour, as a dot beside their name (decorative: the name says who). */
export function PractitionerSwatch({ color, size = 12 }: { color: string | undefined; size?: number }) {
  return <ColorSwatch color={color ?? NEUTRAL} size={size} withShadow={false} aria-hidden="true" style={{ flexShrink: 0 }} />;
}
