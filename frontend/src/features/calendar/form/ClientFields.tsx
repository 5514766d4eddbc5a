/**
 * Who a new booking is for: the client given (booking from their record), one picked by searching (an inactive or
 * discharged one is warned about), or someone not registered yet, booked by name.
 */
import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientPicker, type PickedClient } from '../../clients/ClientPicker';
import { useClientWords } from '../../clients/clientWords';
import { NotActiveClientWarning } from '../../clients/NotActiveClientWarning';
import { quickClientStart } from '../../clients/QuickClient';
import type { AppointmentFormState } from './useAppointmentForm';

export function ClientFields({ state, fixedClient }: { state: AppointmentFormState; fixedClient: PickedClient | null }) {
  const { t } = useTranslation();
  const words = useClientWords();
  const { form } = state;
  const values = form.getValues();
  // The client chosen in the picker, with their status.
  const [pickedClient, setPickedClient] = useState<PickedClient | null>(null);

  if (fixedClient) {
    return <TextInput size="sm" label={t('calendar.form.client', words)} value={fixedClient.name} readOnly variant="filled" />;
  }
  if (values.newClient) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('calendar.form.newClient', words)}
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput size="sm" label={t('calendar.form.firstName')} withAsterisk {...form.getInputProps('newClient.first_name')} />
          <TextInput size="sm" label={t('calendar.form.lastName')} withAsterisk {...form.getInputProps('newClient.last_name')} />
        </SimpleGrid>
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => form.setFieldValue('newClient', null)}>
            {t('calendar.form.chooseOther')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <>
      <ClientPicker
        label={t('calendar.form.client', words)}
        value={values.clientId}
        onChange={(clientId) => form.setFieldValue('clientId', clientId)}
        onPickedClient={setPickedClient}
        excludeIds={[]}
        onCreate={(typed) => {
          const { first_name, last_name } = quickClientStart(typed);
          form.setFieldValue('clientId', null);
          form.setFieldValue('newClient', { first_name, last_name });
        }}
        error={form.errors.clientId}
        withAsterisk
        autoFocus={Boolean(values.practitionerId)}
      />
      {pickedClient && pickedClient.id === values.clientId ? <NotActiveClientWarning client={pickedClient} /> : null}
    </>
  );
}
