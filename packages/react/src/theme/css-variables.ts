// What every page's provider needs of the theme: the app's variables as `--mk-*` custom properties. Apart
// from appearance.ts, whose presets and Stripe translations only Elements and Connect pages load.
import type { Appearance, AppearanceVariables } from './appearance';

/** The app's variables without the empty ones (which keep the preset's value). */
export function definedVariables(appearance: Appearance): AppearanceVariables {
  return Object.fromEntries(
    Object.entries(appearance.variables ?? {}).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
}

export function toCssVariables(variables: AppearanceVariables): Record<string, string> {
  const style: Record<string, string> = {};
  // `colorTextSecondary` → `--mk-color-text-secondary`: derived rather than tabled, as every provider loads it.
  for (const [name, value] of Object.entries(variables)) {
    style[`--mk-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`] = value;
  }
  return style;
}

/**
 * What the provider's root sets inline: the stylesheet (`theme.css`) already gives every `.mk-Root` the
 * light preset and `[data-theme='dark']` the dark one, so only the app's own variables are needed, and
 * pages do not download the presets twice.
 */
export function rootCssVariables(appearance: Appearance): Record<string, string> {
  return toCssVariables(definedVariables(appearance));
}
