/**
 * Merging two records of one person: pick the other record, read the API's dry run (each field's kept value, the
 * other record's and the result, each switchable; what moves; what is dropped and why), then merge for real and
 * land on the record kept. Which record is kept can be swapped (e.g. keep the older one with the history).
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMergeClients, useMergePreview } from '../../api/queries/clients';
import { MERGE_FIELDS, type Client, type MergeField, type MergeFieldChoice, type MergeResult } from '../../api/types';
import { FormProblems } from '../../components/FormActions';
import { useProblemText } from '../../i18n/problemText';
import { formatPhone } from '../../lib/phones';
import { ClientPicker, type PickedClient } from './ClientPicker';
import { clientDisplayName, formatPlainDate } from './format';
import { droppedText } from './mergeText';

const MOVES = ['relationships', 'enrollments', 'practitioners', 'custom_fields'] as const;
const DATE_FIELDS = new Set<string>(['date_of_birth', 'registered_on']);

function isMergeField(field: string): field is MergeField {
  return (MERGE_FIELDS as readonly string[]).includes(field);
}

interface MergeDialogProps {
  /** The record whose page this is. */
  client: Client;
  /** The other record, when already known (e.g. the possible duplicate just registered anyway). */
  other?: PickedClient | null;
  onClose: () => void;
}

export function MergeDialog({ client, other = null, onClose }: MergeDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const describe = useProblemText();
  const [otherPick, setOtherPick] = useState<PickedClient | null>(other);
  const [keepThis, setKeepThis] = useState(true);
  const [take, setTake] = useState<MergeField[]>([]);
  const merge = useMergeClients();

  const thisRecord = { id: client.id, name: clientDisplayName(client) };
  const survivor = keepThis ? thisRecord : otherPick;
  const duplicate = keepThis ? otherPick : thisRecord;
  const request = survivor && duplicate ? { survivorId: survivor.id, duplicateId: duplicate.id, takeFromDuplicate: take } : null;
  const preview = useMergePreview(request);
  const plan: MergeResult | undefined = request ? preview.data : undefined;

  function show(field: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return t('clients.merge.empty');
    if (typeof value === 'boolean') return value ? t('clients.profile.yes') : t('clients.profile.no');
    if (field === 'preferred_language' && (value === 'en' || value === 'es')) return t(`clients.languages.${value}`);
    if (field === 'phone') return formatPhone(String(value));
    if (DATE_FIELDS.has(field)) return formatPlainDate(String(value), language);
    return String(value);
  }

  function toggle(field: MergeField, checked: boolean) {
    setTake((current) => (checked ? [...current, field] : current.filter((name) => name !== field)));
  }

  function confirm() {
    if (!request) return;
    merge.mutate(
      {
        params: { path: { client_id: request.survivorId } },
        body: { duplicate_id: request.duplicateId, dry_run: false, take_from_duplicate: take },
      },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'tend', message: t('clients.merge.merged', { name: clientDisplayName(result.survivor) }) });
          onClose();
          navigate(`/clients/${result.survivor.id}`);
        },
      },
    );
  }

  // Rows worth reading: where the two records differ. Identical fields are only counted.
  const fields = (plan?.fields ?? []).filter((choice: MergeFieldChoice) => isMergeField(choice.field));
  const differs = (choice: MergeFieldChoice) => JSON.stringify(choice.survivor_value) !== JSON.stringify(choice.duplicate_value);
  const rows = fields.filter(differs);
  const sameCount = fields.length - rows.length;
  const moved = plan ? MOVES.filter((what) => plan.moves[what] > 0) : [];

  return (
    <Modal opened onClose={onClose} size="xl" title={t('clients.merge.title')}>
      <Stack gap="md">
        <Text size="sm">{t('clients.merge.intro', { name: thisRecord.name })}</Text>
        <ClientPicker
          label={t('clients.merge.other')}
          withAsterisk
          autoFocus={otherPick === null}
          excludeIds={[client.id]}
          value={otherPick?.id ?? null}
          initialPick={other}
          onChange={(id) => {
            if (id === null) setOtherPick(null);
            setTake([]);
          }}
          onPickedClient={setOtherPick}
        />

        {request && preview.isError && !plan ? (
          <Alert color="red" variant="light" role="alert" title={t('clients.merge.previewFailed')}>
            {describe(preview.error).message}
          </Alert>
        ) : null}
        {request && preview.isPending ? <Skeleton height={220} /> : null}

        {plan && survivor && duplicate ? (
          <>
            <Group justify="space-between" align="center">
              <Text size="sm">
                {t('clients.merge.kept')}: <strong>{survivor.name}</strong>
              </Text>
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setKeepThis((current) => !current);
                  setTake([]);
                }}
              >
                {t('clients.merge.swap')}
              </Button>
            </Group>
            <Table.ScrollContainer minWidth={640}>
              <Table
                striped
                withTableBorder
                verticalSpacing={6}
                fz="sm"
                layout="fixed"
                style={{ overflowWrap: 'anywhere' }}
                data-testid="merge-preview"
                aria-busy={preview.isFetching}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="18%">{t('clients.merge.columns.field')}</Table.Th>
                    <Table.Th w="26%">
                      {t('clients.merge.columns.kept')}
                      <Text size="xs" c="dimmed" fw={400}>
                        {survivor.name}
                      </Text>
                    </Table.Th>
                    <Table.Th w="26%">
                      {t('clients.merge.columns.duplicate')}
                      <Text size="xs" c="dimmed" fw={400}>
                        {duplicate.name}
                      </Text>
                    </Table.Th>
                    <Table.Th w="10%">{t('clients.merge.columns.take')}</Table.Th>
                    <Table.Th w="20%">{t('clients.merge.columns.result')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((choice) => {
                    const field = choice.field as MergeField;
                    const label = t(`clients.fields.${field}`);
                    // Taken on request (switchable), or by the merge's own rule (an empty field filled, the
                    // earliest registration date): then shown ticked, as what will happen.
                    const taken = take.includes(field);
                    const byRule = !taken && choice.source === 'duplicate';
                    return (
                      <Table.Tr key={field} data-field={field}>
                        <Table.Td fw={600}>
                          {label}
                        </Table.Td>
                        <Table.Td>{show(field, choice.survivor_value)}</Table.Td>
                        <Table.Td>{show(field, choice.duplicate_value)}</Table.Td>
                        <Table.Td>
                          <Checkbox
                            aria-label={t('clients.merge.takeAria', { field: label })}
                            checked={taken || byRule}
                            disabled={byRule}
                            onChange={(event) => toggle(field, event.currentTarget.checked)}
                          />
                        </Table.Td>
                        <Table.Td fw={choice.source === 'duplicate' ? 600 : undefined}>{show(field, choice.result_value)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {sameCount > 0 ? (
              <Text size="xs" c="dimmed" mt={-8}>
                {t('clients.merge.sameFields', { count: sameCount })}
              </Text>
            ) : null}

            <Stack gap={4}>
              <Title order={3} size="h6">
                {t('clients.merge.moves')}
              </Title>
              {moved.length > 0 ? (
                <List size="sm" data-testid="merge-moves">
                  {moved.map((what) => (
                    <List.Item key={what}>{t(`clients.merge.moved.${what}`, { count: plan.moves[what] })}</List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('clients.merge.nothingMoves')}
                </Text>
              )}
            </Stack>
            {plan.dropped.length > 0 ? (
              <Stack gap={4}>
                <Title order={3} size="h6">
                  {t('clients.merge.dropped')}
                </Title>
                <List size="sm" data-testid="merge-dropped">
                  {plan.dropped.map((item, index) => (
                    <List.Item key={`${item.what}-${index}`}>{droppedText(t, item)}</List.Item>
                  ))}
                </List>
              </Stack>
            ) : null}
            <Text size="sm" c="dimmed">
              {t('clients.merge.cannotUndo')}
            </Text>
          </>
        ) : null}

        <FormProblems messages={merge.isError ? [describe(merge.error).message] : []} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" disabled={!plan || preview.isFetching} loading={merge.isPending} onClick={confirm}>
            {t('clients.merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
