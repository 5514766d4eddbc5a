import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFocusKeeper } from './focusKeeper';

/** Waits until focus is where expected: the MutationObserver reports, then the keeper decides on a zero timeout. */
const focusSettlesOn = (expected: () => Element | null | undefined) =>
  vi.waitFor(() => expect(document.activeElement).toBe(expected()), { timeout: 2_000 });

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text = '') {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  node.textContent = text;
  return node;
}

describe('focus keeper', () => {
  let uninstall: () => void;
  let main: HTMLElement;

  beforeEach(() => {
    main = element('main');
    main.append(element('h1', {}, 'Clients'));
    document.body.append(main);
    uninstall = installFocusKeeper();
  });

  afterEach(() => {
    uninstall();
    document.body.innerHTML = '';
  });

  function openDialog(): HTMLElement {
    const dialog = element('section', { role: 'dialog', 'aria-modal': 'true' });
    const field = element('input');
    dialog.append(field);
    document.body.append(dialog);
    field.focus();
    return dialog;
  }

  it('gives focus back to the button that opened a dialog when the dialog goes away', async () => {
    const opener = element('button', {}, 'Add relationship');
    main.append(opener);
    opener.focus();
    const dialog = openDialog();
    dialog.remove();
    await focusSettlesOn(() => opener);
  });

  it('finds the opener again when a re-render replaced it with an identical button', async () => {
    const opener = element('button', { 'aria-label': 'Edit the relationship with Rosa' }, 'Edit');
    main.append(opener);
    opener.focus();
    const dialog = openDialog();
    const twin = element('button', { 'aria-label': 'Edit the relationship with Rosa' }, 'Edit');
    opener.replaceWith(twin);
    dialog.remove();
    await focusSettlesOn(() => twin);
  });

  it('falls back to the page heading when the opener is gone for good (its row was deleted)', async () => {
    const opener = element('button', { 'aria-label': 'More actions for Sala A' }, '⋯');
    main.append(opener);
    opener.focus();
    const dialog = openDialog();
    opener.remove();
    dialog.remove();
    await focusSettlesOn(() => main.querySelector('h1'));
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });

  it('moves focus to the page heading when the focused element disappears (a form saved and closed)', async () => {
    const save = element('button', {}, 'Save changes');
    main.append(save);
    save.focus();
    save.remove();
    await focusSettlesOn(() => main.querySelector('h1'));
  });

  it('prefers the section heading marked as the page heading', async () => {
    main.append(element('h2', { 'data-page-heading': '' }, 'Practitioners'));
    const save = element('button', {}, 'Save');
    main.append(save);
    save.focus();
    save.remove();
    await focusSettlesOn(() => main.querySelector('h2'));
  });
});
