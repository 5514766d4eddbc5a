import type { CSSProperties } from 'react';

/** A column as narrow as its content (status badges, row actions): the text columns get the rest. */
export const FIT: CSSProperties = { width: '1%', whiteSpace: 'nowrap' };
