/** New / edit location: name, address and place-of-service code. */
import { Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/FormFields';
import type { LocationRecord, LocationCreate } from '../../../api/types';
import { useCreateLocation, useUpdateLocation } from '../../../api/queries/locations';
import { RecordFormModal } from '../ui/RecordFormModal';
import { useSaveRecord } from '../ui/useSaveRecord';
import { usePosLabel } from './usePosLabel';
import { POS_CODES } from './posCodes';

const FIELDS = ['name', 'address', 'pos_code'] as const;

export function LocationForm({ location, onClose }: { location: LocationRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const posLabel = usePosLabel();
  const form = useForm({
    initialValues: { name: location?.name ?? '', address: location?.address ?? '', pos_code: location?.pos_code ?? '11' },
    validate: {
      name: (value) => (value.trim() === '' ? t('common.required') : null),
      pos_code: (value) => (/^\d{2}$/.test(value) ? null : t('settings.locations.posInvalid')),
    },
  });

  const codes: string[] = [...POS_CODES];
  if (location && !codes.includes(location.pos_code)) codes.push(location.pos_code);

  const saver = useSaveRecord({
    record: location,
    pathOf: (record) => ({ record_id: record.id }),
    create: useCreateLocation(),
    update: useUpdateLocation(),
    fields: FIELDS,
    setFieldErrors: form.setErrors,
    onClose,
  });

  const handleSubmit = form.onSubmit((values) => {
    const body: LocationCreate = {
      name: values.name.trim(),
      address: values.address.trim() === '' ? null : values.address.trim(),
      pos_code: values.pos_code,
    };
    saver.save(body.name, () => body, () => body);
  });

  return (
    <RecordFormModal
      section="locations"
      editing={location ? location.name : null}
      saving={saver}
      onClose={onClose}
      onSubmit={handleSubmit}
      size="md"
    >
      <TextField form={form} path="name" label={t('settings.locations.name')} withAsterisk first />
      <Textarea
        label={t('settings.locations.address')}
        autosize
        minRows={2}
        maxRows={5}
        {...form.getInputProps('address')}
      />
      <Select
        label={t('settings.locations.pos')}
        description={t('settings.locations.posHint')}
        data={codes.map((code) => ({ value: code, label: `${code} · ${posLabel(code)}` }))}
        searchable
        allowDeselect={false}
        withAsterisk
        nothingFoundMessage={t('common.nothingFound')}
        {...form.getInputProps('pos_code')}
      />
    </RecordFormModal>
  );
}
