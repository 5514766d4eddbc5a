/**
 * The one Mantine theme: colours, type, spacing, breakpoints and component defaults for every screen.
 *
 * Every colour that carries text reads at WCAG AA (4.5:1) by construction: `readable` darkens each palette's
 * text shades where needed (and theme.module.css a coloured menu item's text on its hover background), `DIMMED`
 * is the secondary-text grey, and `themeLabels` names Mantine's icon-only buttons (close, clear, show password)
 * in the UI language.
 */
import {
  AppShell,
  Badge,
  Button,
  DEFAULT_THEME,
  NavLink,
  Paper,
  TextInput,
  PasswordInput,
  createTheme,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type MantineThemeOverride,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { darkenToContrast } from './lib/contrast';
import classes from './theme.module.css';

const WHITE = '#ffffff';
/** AA (4.5:1) with a little margin, so rounding in a checker (axe) cannot tip a colour under. */
const TARGET = 4.6;

// A calm teal: reads as "health" without looking clinical. Shade 8 (text, filled buttons with white text,
// links) is 5.3:1 on white; shade 9 (the text of light badges and buttons) is 4.9:1 on shade 2.
const tend: MantineColorsTuple = [
  '#e6fbf7',
  '#d4f2ec',
  '#aae4d8',
  '#7cd5c3',
  '#56c9b1',
  '#3ec1a6',
  '#1ea68a',
  '#0e947a',
  '#0b7a64',
  '#066652',
];

/**
 * A palette whose text shades read, as Mantine uses them with primaryShade 8 in the light scheme:
 * shade 8 is coloured text, links, outline text and the filled background under white text; shade 6 is the text
 * of coloured menu items (a red "Delete") and of subtle buttons with a shade, 7 the hover between them; shade 9 is
 * the text of the light and subtle variants, on shade 1 (their background) and shade 2 (their hover).
 */
export function readable(palette: readonly string[]): MantineColorsTuple {
  const shades = [...palette];
  for (const shade of [6, 7, 8]) shades[shade] = darkenToContrast(shades[shade]!, [WHITE], TARGET);
  shades[9] = darkenToContrast(shades[9]!, [WHITE, shades[1]!, shades[2]!], TARGET);
  return shades as unknown as MantineColorsTuple;
}

const colors = Object.fromEntries(
  Object.entries({ ...DEFAULT_THEME.colors, tend }).map(([name, palette]) => [name, readable(palette)]),
) as Record<string, MantineColorsTuple>;

const gray = colors.gray!;
/**
 * Secondary text (Mantine's `dimmed`, and placeholders): Mantine's grey 6 (3.3:1 on white) darkened until it reads
 * on white and on the light greys it sits on (the sign-in page, a hovered row, a default badge).
 */
export const DIMMED = darkenToContrast(gray[6], [WHITE, gray[0], gray[1], gray[2], colors.tend![0]], TARGET);

/** The CSS variables the theme cannot set by itself: the greys of secondary text and the colour of errors. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': DIMMED,
    '--mantine-color-placeholder': DIMMED,
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});

export const theme = createTheme({
  primaryColor: 'tend',
  primaryShade: { light: 8, dark: 6 },
  colors,
  // Filled buttons and badges in a light colour get dark text instead of white.
  autoContrast: true,
  // The navbar collapses into the header's burger below md: a tablet (768 px, or 1023 px across) gets the full
  // width for its lists.
  breakpoints: { ...DEFAULT_THEME.breakpoints, md: '64em' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    AppShell: AppShell.extend({ defaultProps: { padding: 'lg' } }),
    // A badge is as wide as its words: a status ("Paid", "Partially paid") or an amount ("S/ 1,015.00") is never cut
    // to "Pag…" or "S/ 1,015.…" when its table column is squeezed (Mantine lets the label shrink to nothing).
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
    Button: Button.extend({ defaultProps: { radius: 'md' } }),
    NavLink: NavLink.extend({ defaultProps: { variant: 'light' }, styles: { root: { borderRadius: 'var(--mantine-radius-md)' } } }),
    Paper: Paper.extend({ defaultProps: { withBorder: true, radius: 'md' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'md' } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { size: 'md' } }),
    // No focusable role="presentation" placeholder inside role="menu" (axe: aria-required-children); keyboard
    // opening still focuses the first item. A coloured item's text darkens where it is hovered (theme.module.css).
    Menu: { defaultProps: { withInitialFocusPlaceholder: false }, classNames: { item: classes.menuItem } },
    // A dialog's title bar is not the page's banner: a <header> there is a second "banner" landmark.
    ModalHeader: { defaultProps: { component: 'div' } },
    DrawerHeader: { defaultProps: { component: 'div' } },
    // The options list scrolls itself (no ScrollArea viewport around it): a combobox's own listbox may scroll
    // without a tab stop, a plain scrolling <div> may not (axe: scrollable-region-focusable).
    ...Object.fromEntries(
      ['Select', 'MultiSelect', 'Autocomplete', 'TagsInput'].map((name) => [
        name,
        {
          defaultProps: { withScrollArea: false },
          styles: (_theme: unknown, props: { maxDropdownHeight?: number | string }) => ({
            options: { maxHeight: props.maxDropdownHeight ?? 250, overflowY: 'auto' },
          }),
        },
      ]),
    ),
  },
});

/**
 * The names of Mantine's icon-only buttons, in the UI language: the × of dialogs, drawers, toasts and alerts,
 * the clear button of inputs, the password eye and the calendar's arrows. Merged over `theme` by the provider.
 */
export function themeLabels(t: TFunction): MantineThemeOverride {
  const close = t('a11y.close');
  return {
    components: {
      CloseButton: { defaultProps: { 'aria-label': close } },
      InputClearButton: { defaultProps: { 'aria-label': t('a11y.clear') } },
      Alert: { defaultProps: { closeButtonLabel: close } },
      ColorInput: { defaultProps: { eyeDropperButtonProps: { 'aria-label': t('a11y.pickColor') } } },
      PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('a11y.showPassword') } } },
      Calendar: {
        defaultProps: { previousLabel: t('a11y.previous'), nextLabel: t('a11y.next') },
      },
      DatePicker: {
        defaultProps: { previousLabel: t('a11y.previous'), nextLabel: t('a11y.next') },
      },
    },
  };
}
