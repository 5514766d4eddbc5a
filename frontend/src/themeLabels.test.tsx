import { MantineProvider, Modal, Select, mergeThemeOverrides } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { theme, themeLabels } from './theme';

function renderThemed(ui: React.ReactNode) {
  return render(<MantineProvider theme={mergeThemeOverrides(theme, themeLabels(i18n.t))}>{ui}</MantineProvider>);
}

describe('the theme names icon-only buttons in the UI language', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it.each([
    ['en', 'Close'],
    ['es', 'Cerrar'],
  ])('the × of a dialog (%s) is "%s", and the dialog has no banner of its own', async (language, close) => {
    await i18n.changeLanguage(language);
    renderThemed(
      <Modal opened onClose={() => {}} title="Edit">
        body
      </Modal>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit' });
    expect(within(dialog).getByRole('button', { name: close })).toBeInTheDocument();
    expect(dialog.querySelector('header')).toBeNull();
  });

  it('the clear button of an input is "Clear"', async () => {
    renderThemed(<Select aria-label="Status" data={['a', 'b']} value="a" clearable onChange={() => {}} />);
    const clear = document.querySelector('.mantine-InputClearButton-root, .mantine-CloseButton-root');
    expect(clear?.getAttribute('aria-label')).toBe('Clear');
  });
});
