/** Deactivate / reactivate / delete a settings record: the confirm step, the toast, the conflict dialog. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import type { RowAction } from './RowActions';
import { useActionFeedback } from '../../../components/useActionFeedback';

interface MutateCallbacks {
  onSuccess?: () => void;
  onError?: (error: unknown) => void;
  onSettled?: () => void;
}

interface Mutation<Variables> {
  mutate(variables: Variables, options?: MutateCallbacks): void;
  isPending: boolean;
}

export interface RecordActionsOptions<T, PathParams> {
  /** The path parameters that name the record in the API, e.g. `{ record_id: room.id }`. */
  pathOf: (item: T) => PathParams;
  /** The record's name in titles and toasts. */
  name: (item: T) => string;
  /** The record's PATCH; here its body is `{ active }`. */
  update: Mutation<{ params: { path: PathParams }; body: { active: boolean } }>;
  /** The record's DELETE; records without one can only be deactivated. */
  remove?: Mutation<{ params: { path: PathParams } }>;
  /** The confirm messages (already translated). */
  deactivateBody: string;
  deleteBody?: string;
}

export function useRecordActions<T extends { active: boolean }, PathParams>(options: RecordActionsOptions<T, PathParams>) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const feedback = useActionFeedback();
  const { name, update, remove, pathOf } = options;
  const close = () => setConfirm(null);

  const setActive = (item: T, active: boolean) =>
    update.mutate(
      { params: { path: pathOf(item) }, body: { active } },
      {
        onSuccess: () =>
          feedback.done(t(active ? 'common.reactivatedNamed' : 'common.deactivatedNamed', { name: name(item) })),
        onError: (error) => feedback.report(error),
        onSettled: close,
      },
    );

  const askDeactivate = (item: T) =>
    setConfirm({
      title: t('common.deactivateTitle', { name: name(item) }),
      message: options.deactivateBody,
      confirmLabel: t('common.deactivate'),
      danger: true,
      onConfirm: () => setActive(item, false),
    });

  const askDelete = (item: T) =>
    setConfirm({
      title: t('common.deleteTitle', { name: name(item) }),
      message: options.deleteBody,
      confirmLabel: t('common.delete'),
      danger: true,
      onConfirm: () =>
        remove?.mutate({ params: { path: pathOf(item) } }, {
          onSuccess: () => feedback.done(t('common.deletedNamed', { name: name(item) })),
          onError: (error) =>
            feedback.report(error, { label: t('common.deactivateInstead'), onClick: () => setActive(item, false) }),
          onSettled: close,
        }),
    });

  /** The row menu: Deactivate (asks first) or Reactivate, then Delete when the record can be deleted. */
  const rowActions = (item: T, { deactivateDisabled }: { deactivateDisabled?: boolean } = {}): RowAction[] => [
    item.active
      ? { label: t('common.deactivate'), disabled: deactivateDisabled, onClick: () => askDeactivate(item) }
      : { label: t('common.reactivate'), onClick: () => setActive(item, true) },
    ...(remove ? [{ label: t('common.delete'), danger: true, onClick: () => askDelete(item) }] : []),
  ];

  /** The confirm and conflict dialogs; render once, after the list. */
  const dialogs = (
    <>
      <ConfirmDialog request={confirm} loading={update.isPending || (remove?.isPending ?? false)} onClose={close} />
      {feedback.dialog}
    </>
  );

  return { setActive, askDeactivate, askDelete, rowActions, dialogs, feedback, setConfirm };
}
