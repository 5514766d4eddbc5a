/**
 * Inputs bound to a Mantine form by path: the value, change and blur handlers, the error and (for uncontrolled
 * forms) the key that refreshes the input when the form sets its value. One line per field in every form.
 */
import { Select, TextInput, type SelectProps, type TextInputProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { DateField, type DateFieldProps } from './DateField';

type FormPath<Values> = Parameters<UseFormReturnType<Values>['getInputProps']>[0];

interface Bound<Values> {
  form: UseFormReturnType<Values>;
  path: FormPath<Values>;
  /** The field the form (or dialog) puts the cursor in first. */
  first?: boolean;
}

function firstProps(first: boolean | undefined) {
  return first ? { autoFocus: true, 'data-autofocus': true } : {};
}

export function TextField<Values>({ form, path, first, ...props }: Bound<Values> & Omit<TextInputProps, 'form'>) {
  return <TextInput size="sm" key={form.key(path)} {...firstProps(first)} {...form.getInputProps(path)} {...props} />;
}

export function SelectField<Values>({ form, path, first, ...props }: Bound<Values> & Omit<SelectProps, 'form'>) {
  return <Select size="sm" key={form.key(path)} {...firstProps(first)} {...form.getInputProps(path)} {...props} />;
}

export function DateFormField<Values>({ form, path, first, ...props }: Bound<Values> & Omit<DateFieldProps, 'form'>) {
  return <DateField size="sm" key={form.key(path)} {...firstProps(first)} {...form.getInputProps(path)} {...props} />;
}
