/** The one Mantine theme: colours, type, spacing and component defaults for every screen. */
import { AppShell, Button, NavLink, Paper, TextInput, PasswordInput, createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm teal: reads as "health" without looking clinical, and keeps contrast on white for small text.
const tend: MantineColorsTuple = [
  '#e6fbf7',
  '#d4f2ec',
  '#aae4d8',
  '#7cd5c3',
  '#56c9b1',
  '#3ec1a6',
  '#2fbd9f',
  '#1ea68a',
  '#0e947a',
  '#008068',
];

export const theme = createTheme({
  primaryColor: 'tend',
  primaryShade: { light: 8, dark: 6 },
  colors: { tend },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    AppShell: AppShell.extend({ defaultProps: { padding: 'lg' } }),
    Button: Button.extend({ defaultProps: { radius: 'md' } }),
    NavLink: NavLink.extend({ defaultProps: { variant: 'light' }, styles: { root: { borderRadius: 'var(--mantine-radius-md)' } } }),
    Paper: Paper.extend({ defaultProps: { withBorder: true, radius: 'md' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'md' } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { size: 'md' } }),
  },
});
