/**
 * Saving a settings form: a new record is POSTed, an edited one PATCHed with only what changed (nothing
 * changed: just close); then a toast and close. A failure is routed by useApiErrorFeedback.
 */
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useApiErrorFeedback } from '../../../components/apiErrors';
import { changesFrom } from './sameValue';

interface Callbacks {
  onSuccess?: () => void;
  onError?: (error: unknown) => void;
}

interface Mutation<Variables> {
  mutate(variables: Variables, options?: Callbacks): void;
  isPending: boolean;
}

export interface SaveRecordOptions<T, CreateBody, UpdateBody, PathParams> {
  /** The record being edited; null for a new one. */
  record: T | null;
  /** The path parameters naming the record, e.g. `{ record_id: record.id }`. */
  pathOf: (record: T) => PathParams;
  create: Mutation<{ body: CreateBody }>;
  /** A PATCH: every field of its body is optional. */
  update: Mutation<{ params: { path: PathParams }; body: UpdateBody }>;
  /** The form's field names: the API's errors about them go next to them. */
  fields: readonly string[];
  setFieldErrors: (errors: Record<string, string>) => void;
  onClose: () => void;
}

export function useSaveRecord<T extends object, CreateBody, UpdateBody extends object, PathParams>(
  options: SaveRecordOptions<T, CreateBody, UpdateBody, PathParams>,
) {
  const { t } = useTranslation();
  const feedback = useApiErrorFeedback();
  const { record, pathOf, create, update, fields, setFieldErrors, onClose } = options;

  const callbacks = (name: string): Callbacks => ({
    onSuccess: () => {
      notifications.show({ color: 'tend', message: t('common.savedNamed', { name }) });
      onClose();
    },
    onError: (error) => feedback.handle(error, fields, setFieldErrors),
  });

  /** Saves under `name` (for the toast): `created()` is a new record's body, `edited` an existing one's fields. */
  function save(name: string, created: () => CreateBody, edited: (record: T) => UpdateBody): void {
    feedback.reset();
    if (record === null) {
      create.mutate({ body: created() }, callbacks(name));
      return;
    }
    const changes = changesFrom(record, edited(record));
    if (Object.keys(changes).length === 0) onClose();
    // The changed fields of a PATCH body are a PATCH body (all its fields are optional).
    else update.mutate({ params: { path: pathOf(record) }, body: changes as UpdateBody }, callbacks(name));
  }

  return { feedback, save, saving: create.isPending || update.isPending };
}
