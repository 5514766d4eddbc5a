/**
 * Asks before a filled form is left: another route (links, back, the navbar: react-router's blocker), closing or
 * reloading the tab (the browser's own question), or the form's Cancel (`leave`). Saving releases the guard.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog';

export function useUnsavedChanges(isDirty: () => boolean) {
  const { t } = useTranslation();
  const released = useRef(false);
  const dirty = () => !released.current && isDirty();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && dirty());
  const [pending, setPending] = useState<(() => void) | null>(null);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  });

  const asking = blocker.state === 'blocked' || pending !== null;
  const stay = () => {
    if (blocker.state === 'blocked') blocker.reset();
    setPending(null);
  };
  const go = () => {
    released.current = true;
    if (blocker.state === 'blocked') blocker.proceed();
    const action = pending;
    setPending(null);
    action?.();
  };

  return {
    /** Runs `action` (e.g. Cancel), asking first when there are unsaved changes. */
    leave(action: () => void) {
      if (dirty()) setPending(() => action);
      else action();
    },
    /** After a save: what is on screen is saved, leaving needs no question. */
    release() {
      released.current = true;
    },
    /** After a failed save: guard again. */
    arm() {
      released.current = false;
    },
    dialog: (
      <ConfirmDialog
        request={
          asking
            ? { title: t('unsaved.title'), message: t('unsaved.body'), confirmLabel: t('unsaved.leave'), danger: true, focusCancel: true, onConfirm: go }
            : null
        }
        cancelLabel={t('unsaved.stay')}
        onClose={stay}
      />
    ),
  };
}
