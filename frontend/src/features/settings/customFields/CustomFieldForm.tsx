/** New / edit custom client field. Key and type are fixed once created (values may already exist). */
import { NumberInput, Select, SimpleGrid, Switch, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/FormFields';
import {
  CUSTOM_FIELD_TYPES,
  type CustomFieldCreate,
  type CustomFieldDefinition,
  type CustomFieldType,
  type CustomFieldUpdate,
} from '../../../api/types';
import { useCreateCustomField, useUpdateCustomField } from '../../../api/queries/customFields';
import { firstErrorAt } from '../../../components/apiErrors';
import { RecordFormModal } from '../ui/RecordFormModal';
import { useSaveRecord } from '../ui/useSaveRecord';
import { KEY_PATTERN, keyFromLabel } from './slug';

interface CustomFieldFormValues {
  label: string;
  key: string;
  field_type: CustomFieldType;
  options: string[];
  required: boolean;
  position: number | string;
}

const FIELDS = ['label', 'key', 'field_type', 'options', 'required', 'position'] as const;

export function CustomFieldForm({
  field,
  nextPosition,
  onClose,
}: {
  field: CustomFieldDefinition | null;
  nextPosition: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [keyEdited, setKeyEdited] = useState(field !== null);
  const form = useForm<CustomFieldFormValues>({
    initialValues: {
      label: field?.label ?? '',
      key: field?.key ?? '',
      field_type: field?.field_type ?? 'text',
      options: field?.options ?? [],
      required: field?.required ?? false,
      position: field?.position ?? nextPosition,
    },
    validate: {
      label: (value) => (value.trim() === '' ? t('common.required') : null),
      key: (value) => (KEY_PATTERN.test(value) ? null : t('settings.customFields.keyInvalid')),
      options: (value, values) =>
        values.field_type === 'select' && value.length === 0 ? t('settings.customFields.optionsRequired') : null,
      position: (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10000
          ? null
          : t('common.wholeBetween', { min: 0, max: 10000 }),
    },
  });

  const saver = useSaveRecord({
    record: field,
    pathOf: (record) => ({ field_id: record.id }),
    create: useCreateCustomField(),
    update: useUpdateCustomField(),
    fields: FIELDS,
    setFieldErrors: form.setErrors,
    onClose,
  });

  const handleSubmit = form.onSubmit((values) => {
    const options = values.field_type === 'select' ? values.options.map((option) => option.trim()) : [];
    saver.save(
      values.label.trim(),
      (): CustomFieldCreate => ({
        key: values.key,
        label: values.label.trim(),
        field_type: values.field_type,
        options,
        required: values.required,
        position: Number(values.position),
      }),
      (stored): CustomFieldUpdate => ({
        label: values.label.trim(),
        required: values.required,
        position: Number(values.position),
        ...(stored.field_type === 'select' ? { options } : {}),
      }),
    );
  });

  return (
    <RecordFormModal
      section="customFields"
      editing={field ? field.label : null}
      saving={saver}
      onClose={onClose}
      onSubmit={handleSubmit}
    >
      <TextField
        form={form}
        path="label"
        label={t('settings.customFields.label')}
        description={t('settings.customFields.labelHint')}
        withAsterisk
        first
        onChange={(event) => {
          const label = event.currentTarget.value;
          form.setFieldValue('label', label);
          if (!keyEdited) form.setFieldValue('key', keyFromLabel(label));
        }}
      />
      <SimpleGrid cols={2} spacing="md">
        <TextInput size="sm"
          label={t('settings.customFields.key')}
          description={field ? t('settings.customFields.fixedAfterCreate') : t('settings.customFields.keyHint')}
          disabled={field !== null}
          withAsterisk
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('key')}
          onChange={(event) => {
            setKeyEdited(true);
            form.setFieldValue('key', event.currentTarget.value);
          }}
        />
        <Select
          label={t('settings.customFields.type')}
          description={field ? t('settings.customFields.fixedAfterCreate') : undefined}
          data={CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: t(`settings.customFields.types.${type}`) }))}
          allowDeselect={false}
          disabled={field !== null}
          withAsterisk
          {...form.getInputProps('field_type')}
        />
      </SimpleGrid>
      {form.values.field_type === 'select' ? (
        <TagsInput
          label={t('settings.customFields.options')}
          description={t('settings.customFields.optionsHint')}
          withAsterisk
          acceptValueOnBlur
          clearable
          value={form.values.options}
          onChange={(options) => form.setFieldValue('options', options)}
          error={firstErrorAt(form.errors, 'options')}
        />
      ) : null}
      <SimpleGrid cols={2} spacing="md">
        <NumberInput
          label={t('settings.customFields.position')}
          description={t('settings.customFields.positionHint')}
          min={0}
          max={10000}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('position')}
        />
        <Switch
          mt="xl"
          label={t('settings.customFields.required')}
          description={t('settings.customFields.requiredHint')}
          {...form.getInputProps('required', { type: 'checkbox' })}
        />
      </SimpleGrid>
    </RecordFormModal>
  );
}
