/**
 * The booking form's select: its list in a portal (over the modal's edge) and, when it is searchable, the first
 * match highlighted as one types, so "Jorge" + Enter picks the first Jorge instead of leaving nothing chosen (the
 * form then said the field was required and the typed text was lost).
 */
import { Select, type SelectProps } from '@mantine/core';

export function FormSelect(props: SelectProps) {
  return <Select comboboxProps={{ withinPortal: true }} selectFirstOptionOnChange={props.searchable} {...props} />;
}
