// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  appearanceToCssVariables,
  darkTheme,
  lightTheme,
  toConnectAppearance,
  toElementsAppearance,
} from './appearance';

describe('appearance', () => {
  it('hands Elements and Connect the same colors, fonts and radius as the kit’s CSS variables', () => {
    const appearance = {
      variables: { colorPrimary: '#0a7', fontFamily: 'Inter, sans-serif', borderRadius: '2px' },
    };
    const css = appearanceToCssVariables(appearance);
    const elements = toElementsAppearance(appearance);
    const connect = toConnectAppearance(appearance);
    expect(css['--mk-color-primary']).toBe('#0a7');
    expect(elements.variables.colorPrimary).toBe('#0a7');
    expect(connect.variables.colorPrimary).toBe('#0a7');
    expect([
      css['--mk-font-family'],
      elements.variables.fontFamily,
      connect.variables.fontFamily,
    ]).toEqual(['Inter, sans-serif', 'Inter, sans-serif', 'Inter, sans-serif']);
    expect([
      css['--mk-border-radius'],
      elements.variables.borderRadius,
      connect.variables.borderRadius,
    ]).toEqual(['2px', '2px', '2px']);
    expect(elements.theme).toBe('stripe');
  });

  it('switches Elements to Stripe’s night theme and the kit to dark colors in dark mode', () => {
    expect(toElementsAppearance({ theme: 'dark' }).theme).toBe('night');
    expect(appearanceToCssVariables({ theme: 'dark' })['--mk-color-background']).toBe(
      darkTheme.colorBackground,
    );
    expect(appearanceToCssVariables({})['--mk-color-background']).toBe(lightTheme.colorBackground);
  });

  it('ignores empty overrides instead of blanking a color', () => {
    expect(appearanceToCssVariables({ variables: { colorText: '' } })['--mk-color-text']).toBe(
      lightTheme.colorText,
    );
  });
});
