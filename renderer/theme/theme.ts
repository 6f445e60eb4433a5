/**
 * The app's look: a deep teal for actions (contrast ≥ 4.5:1 with white text in both
 * schemes), indigo as the accent for information, the system's UI font.
 */
import { createTheme, localStorageColorSchemeManager, type MantineColorsTuple } from '@mantine/core';

const brand: MantineColorsTuple = [
  '#e6f7f6',
  '#ccefed',
  '#99dfdb',
  '#66cfc9',
  '#33bfb7',
  '#14a89f',
  '#0d8a83',
  '#0b7a74',
  '#08615c',
  '#054944',
];

const fontFamily =
  'Inter, "Segoe UI Variable", "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Noto Sans", "Noto Nastaliq Urdu", "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 6 },
  colors: { brand },
  fontFamily,
  fontFamilyMonospace: 'ui-monospace, "Cascadia Mono", "SFMono-Regular", Menlo, Consolas, monospace',
  headings: { fontFamily, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    // Labels read exactly as written (no " *"): required fields are marked for assistive
    // technology by the `required` attribute, and optional ones say so in their description.
    TextInput: { defaultProps: { withAsterisk: false } },
    PasswordInput: { defaultProps: { withAsterisk: false } },
    Textarea: { defaultProps: { withAsterisk: false } },
    Select: { defaultProps: { withAsterisk: false } },
    Badge: { defaultProps: { radius: 'sm' } },
    Modal: { defaultProps: { centered: true } },
    Tooltip: { defaultProps: { withArrow: true } },
  },
});

/** Light, dark or the system's, kept in localStorage (the desktop app's renderer has it too). */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'incubator.colorScheme' });

/** Colours of startup stages, used by badges. */
export const stageColor = {
  applied: 'indigo',
  incubated: 'brand',
  graduated: 'green',
  dropped: 'gray',
} as const;
