import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition } from '../../api/types';
import type { ClientFormValues } from './clientForm';
import { customFieldInputKind, selectOptions } from './customFields';
import { PlainDateInput } from './PlainDateInput';

interface CustomFieldInputProps {
  field: CustomFieldDefinition;
  form: UseFormReturnType<ClientFormValues>;
}

/** The input for one of the practice's custom client fields, chosen by the field's type. */
export function CustomFieldInput({ field, form }: CustomFieldInputProps) {
  const { t } = useTranslation();
  const path = `custom_fields.${field.key}` as const;
  const key = form.key(path);
  const common = { label: field.label, withAsterisk: field.required, size: 'sm' as const };

  switch (customFieldInputKind(field)) {
    case 'text':
      return <TextInput key={key} {...common} {...form.getInputProps(path)} />;
    case 'number':
      return <NumberInput key={key} {...common} {...form.getInputProps(path)} />;
    case 'date':
      return <PlainDateInput key={key} {...common} {...form.getInputProps(path)} />;
    case 'select':
      return (
        <Select
          key={key}
          {...common}
          placeholder={t('clients.form.choose')}
          data={selectOptions(field, form.getValues().custom_fields[field.key] ?? null)}
          clearable={!field.required}
          allowDeselect={!field.required}
          {...form.getInputProps(path)}
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
