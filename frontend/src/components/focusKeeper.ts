/**
 * Where keyboard focus goes when what had it goes away, for every screen and dialog at once:
 *
 * - a dialog or drawer closes (Escape, Cancel, Save): back to the button that opened it, or to the "⋯" button of
 *   the menu it was opened from. Dialogs here are mounted only while open, which Mantine's own focus return
 *   does not cover.
 * - a navigation (a link in a navigation landmark, or the focused element gone with the old screen): the new
 *   screen's heading, unless the screen put focus somewhere itself (the client search).
 * - the focused element disappears otherwise (a form saved and closed, a row deleted): the page heading.
 *
 * The page heading is the last `[data-page-heading]` in the main landmark, else its first h1; it gets
 * tabIndex=-1 so it can hold focus without becoming a tab stop.
 */
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

const DIALOG = '[role="dialog"][aria-modal="true"]';
const NAVIGATION = 'nav, [role="navigation"]';
const PAGE_HEADING_WAIT_MS = 5_000;

interface KeeperState {
  /** The element each open dialog returns focus to. */
  openers: Map<Element, HTMLElement>;
  /** The last element focused outside any dialog (a dialog's opener when focus came from nowhere). */
  lastOutside: HTMLElement | null;
  /** The last element that had focus, and the menu button to fall back to when it sat in a menu. */
  lastFocused: HTMLElement | null;
  lastMenuTrigger: HTMLElement | null;
  /** Focus is owed to the page heading, once the screen has loaded (until this time). */
  headingOwedUntil: number | null;
}

const state: KeeperState = { openers: new Map(), lastOutside: null, lastFocused: null, lastMenuTrigger: null, headingOwedUntil: null };

/** Focus is nowhere useful: on the body, or on an element no longer in the page. */
function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/** Focus is on a navigation link: the navigation it started has taken the user elsewhere. */
function focusInNavigation(): boolean {
  const active = document.activeElement;
  return active instanceof HTMLElement && active.closest(NAVIGATION) !== null;
}

/** The trigger of the menu an element sits in (Mantine labels a menu's dropdown by its target), else the element. */
function outsideMenus(element: HTMLElement): HTMLElement {
  const menu = element.closest('[role="menu"]');
  const target = menu ? document.getElementById(menu.getAttribute('aria-labelledby') ?? '') : null;
  return target ?? element;
}

/**
 * The opener itself, or, when a re-render replaced it, the element now in its place: same tag, same accessible
 * name (aria-label or text). None when it is really gone (its row was deleted).
 */
function stillThere(opener: HTMLElement): HTMLElement | null {
  if (opener.isConnected) return opener;
  const name = (element: Element) => element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
  const wanted = name(opener);
  if (!wanted) return null;
  const twins = Array.from(document.querySelectorAll<HTMLElement>(opener.tagName)).filter((element) => name(element) === wanted);
  return twins.length === 1 ? twins[0]! : null;
}

/** The current screen's heading: the last one marked as the page heading, else the main landmark's h1. */
export function pageHeading(): HTMLElement | null {
  const marked = document.querySelectorAll<HTMLElement>('main [data-page-heading]');
  return marked[marked.length - 1] ?? document.querySelector<HTMLElement>('main h1');
}

/** Moves focus to the page heading (focusable, not a tab stop); false when there is none yet. */
export function focusPageHeading(): boolean {
  const heading = pageHeading();
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
  return true;
}

function owePageHeading() {
  state.headingOwedUntil = Date.now() + PAGE_HEADING_WAIT_MS;
  payPageHeading();
}

/** Focus the page heading once the screen has loaded, unless something else took focus meanwhile. */
function payPageHeading() {
  if (state.headingOwedUntil === null) return;
  if (Date.now() > state.headingOwedUntil || !(focusIsLost() || focusInNavigation())) {
    state.headingOwedUntil = null;
    return;
  }
  if (document.querySelector(DIALOG) || document.querySelector('main [aria-busy="true"]')) return;
  if (focusPageHeading()) state.headingOwedUntil = null;
}

function onFocusIn(event: FocusEvent) {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return;
  state.lastFocused = target;
  const trigger = outsideMenus(target);
  state.lastMenuTrigger = trigger === target ? null : trigger;
  const dialog = target.closest(DIALOG);
  if (!dialog) {
    state.lastOutside = target;
    return;
  }
  if (state.openers.has(dialog)) return;
  const previous =
    event.relatedTarget instanceof HTMLElement && !dialog.contains(event.relatedTarget) ? event.relatedTarget : state.lastOutside;
  if (previous) state.openers.set(dialog, outsideMenus(previous));
}

function afterMutations() {
  // A closed dialog: back to its opener, or hand the opener on to the dialog that replaced it.
  let dialogClosed = false;
  for (const [dialog, opener] of state.openers) {
    if (dialog.isConnected) continue;
    dialogClosed = true;
    state.openers.delete(dialog);
    state.lastFocused = null;
    const next = document.querySelector(DIALOG);
    if (next) {
      if (!state.openers.has(next)) state.openers.set(next, opener);
    } else if (focusIsLost()) {
      // Mantine's focus trap may still be unwinding: decide once this turn is over.
      window.setTimeout(() => {
        if (!focusIsLost() || document.querySelector(DIALOG)) return;
        const target = stillThere(opener);
        if (target) target.focus();
        else owePageHeading();
      }, 0);
    }
  }

  // The focused element went away with no dialog involved (a menu closed, a form saved and closed, a row removed).
  const last = state.lastFocused;
  if (!dialogClosed && last && !last.isConnected && focusIsLost() && !document.querySelector(DIALOG)) {
    const trigger = state.lastMenuTrigger;
    state.lastFocused = null;
    state.lastMenuTrigger = null;
    const target = trigger ? stillThere(trigger) : null;
    if (target) target.focus();
    else owePageHeading();
  }
  payPageHeading();
}

/** Installs the focus rules on the document; returns the uninstaller. */
export function installFocusKeeper(): () => void {
  const observer = new MutationObserver(afterMutations);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  document.addEventListener('focusin', onFocusIn);
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn);
    state.openers.clear();
    state.headingOwedUntil = null;
  };
}

/** The focus rules, for the app's lifetime (mounted once, around the router). */
export function useFocusKeeper() {
  useEffect(() => installFocusKeeper(), []);
}

/**
 * After a navigation inside the signed-in frame, focus goes to the new screen's heading when the navigation came
 * from a navigation landmark or took the focused element away. Tabs and links that stay in place keep focus, and
 * so does a screen that focuses something itself (the client search).
 */
export function useHeadingFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (focusIsLost() || focusInNavigation()) owePageHeading();
  }, [pathname]);
}
