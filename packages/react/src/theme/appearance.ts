import { definedVariables, toCssVariables } from './css-variables';

/**
 * One theme for everything: the kit's own markup (through `--mk-*` CSS variables), Stripe Elements and
 * Connect embedded components all read the same `appearance` object, named like Stripe's Appearance API.
 */
export interface AppearanceVariables {
  colorPrimary?: string;
  colorBackground?: string;
  colorText?: string;
  colorDanger?: string;
  colorSuccess?: string;
  colorWarning?: string;
  colorTextSecondary?: string;
  colorBorder?: string;
  fontFamily?: string;
  fontSizeBase?: string;
  borderRadius?: string;
  spacingUnit?: string;
}

export interface Appearance {
  /** The built-in preset the variables are layered on. Default `'light'`. */
  theme?: 'light' | 'dark';
  variables?: AppearanceVariables;
}

export const lightTheme: Required<AppearanceVariables> = {
  colorPrimary: '#635bff',
  colorBackground: '#ffffff',
  colorText: '#1a1f36',
  colorTextSecondary: '#4f566b',
  colorDanger: '#c0123c',
  colorSuccess: '#1d7c4d',
  colorWarning: '#8a5a00',
  colorBorder: '#d5dbe1',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontSizeBase: '16px',
  borderRadius: '6px',
  spacingUnit: '8px',
};

// The dark preset's own values; the rest is the light preset's.
const darkColors: AppearanceVariables = {
  colorPrimary: '#a5a0ff',
  colorBackground: '#1a1f36',
  colorText: '#f6f8fa',
  colorTextSecondary: '#c1c9d2',
  colorDanger: '#ff8b9e',
  colorSuccess: '#6fdba3',
  colorWarning: '#f5c26b',
  colorBorder: '#4f566b',
};

// A pure call without arguments, so a page that only renders the provider drops the full preset.
export const darkTheme: Required<AppearanceVariables> = /* @__PURE__ */ (() => ({
  ...lightTheme,
  ...darkColors,
}))();

/** The preset merged with the app's overrides. */
export function resolveAppearance(appearance: Appearance = {}): Required<AppearanceVariables> {
  const preset = appearance.theme === 'dark' ? darkTheme : lightTheme;
  return { ...preset, ...definedVariables(appearance) };
}

/** `--mk-*` custom properties for the kit's root element. */
export function appearanceToCssVariables(appearance: Appearance = {}): Record<string, string> {
  return toCssVariables(resolveAppearance(appearance));
}

/** The Appearance object for `<Elements options={{ appearance }}>`. */
export function toElementsAppearance(appearance: Appearance = {}) {
  const variables = resolveAppearance(appearance);
  return {
    theme: appearance.theme === 'dark' ? ('night' as const) : ('stripe' as const),
    variables: {
      colorPrimary: variables.colorPrimary,
      colorBackground: variables.colorBackground,
      colorText: variables.colorText,
      colorDanger: variables.colorDanger,
      colorSuccess: variables.colorSuccess,
      colorWarning: variables.colorWarning,
      colorTextSecondary: variables.colorTextSecondary,
      fontFamily: variables.fontFamily,
      fontSizeBase: variables.fontSizeBase,
      borderRadius: variables.borderRadius,
      spacingUnit: variables.spacingUnit,
    },
  };
}

/** The appearance for `loadConnectAndInitialize({ appearance })`; Connect has no warning/success colors. */
export function toConnectAppearance(appearance: Appearance = {}) {
  const variables = resolveAppearance(appearance);
  return {
    variables: {
      colorPrimary: variables.colorPrimary,
      colorBackground: variables.colorBackground,
      colorText: variables.colorText,
      colorDanger: variables.colorDanger,
      colorSecondaryText: variables.colorTextSecondary,
      colorBorder: variables.colorBorder,
      fontFamily: variables.fontFamily,
      fontSizeBase: variables.fontSizeBase,
      borderRadius: variables.borderRadius,
      spacingUnit: variables.spacingUnit,
    },
  };
}
