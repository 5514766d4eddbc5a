import { useEffect, type RefObject } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * `/` anywhere on the page (outside a text field, and not while a dialog is open) focuses the given input. Matches
 * the typed character rather than a key position, so it works on layouts where "/" needs Shift. Every screen with
 * a search box gets it through `SearchBox`.
 */
export function useSlashToFocus(ref: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (!ref.current || document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      event.preventDefault();
      ref.current.focus();
      ref.current.select();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [ref]);
}
