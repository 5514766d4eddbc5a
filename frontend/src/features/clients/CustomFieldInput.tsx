import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition } from '../../api/types';
import { DateField } from '../../components/DateField';
import { customFieldInputKind, selectOptions, type CustomFieldFormValue } from './customFields';

/** Any form holding the practice's custom fields under `custom_fields` (the client form, quick registration). */
export interface WithCustomFields {
  custom_fields: Record<string, CustomFieldFormValue>;
}

interface CustomFieldInputProps<Values extends WithCustomFields> {
  field: CustomFieldDefinition;
  form: UseFormReturnType<Values>;
}

/** The input for one of the practice's custom client fields, chosen by the field's type. */
export function CustomFieldInput<Values extends WithCustomFields>({ field, form }: CustomFieldInputProps<Values>) {
  const { t } = useTranslation();
  const path = `custom_fields.${field.key}`;
  const key = form.key(path);
  const props = form.getInputProps(path);
  const common = { label: field.label, withAsterisk: field.required, size: 'sm' as const };

  switch (customFieldInputKind(field)) {
    case 'text':
      return <TextInput key={key} {...common} {...props} />;
    case 'number':
      return <NumberInput key={key} {...common} {...props} />;
    case 'date':
      return <DateField key={key} {...common} {...props} />;
    case 'select':
      return (
        <Select
          key={key}
          {...common}
          placeholder={t('clients.form.choose')}
          data={selectOptions(field, form.getValues().custom_fields[field.key] ?? null)}
          clearable={!field.required}
          allowDeselect={!field.required}
          {...props}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          key={key}
          label={field.label}
          size="sm"
          mt={{ base: 0, sm: 'xl' }}
          {...form.getInputProps(path, { type: 'checkbox' })}
        />
      );
  }
}
