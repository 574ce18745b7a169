// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('gives the stylesheet the light preset on every root and the dark colours under data-theme="dark"', () => {
    const css = readFileSync(join(import.meta.dirname, 'theme.css'), 'utf8');
    const declarations = (selector: string) => {
      const start = css.indexOf(`${selector} {`);
      const block = css.slice(start, css.indexOf('}', start));
      return Object.fromEntries(
        [...block.matchAll(/(--mk-[\w-]+):\s*([^;]+);/g)].map((match) => [match[1], match[2]]),
      );
    };
    const light = appearanceToCssVariables({});
    const root = declarations('.mk-Root');
    for (const [name, value] of Object.entries(light)) {
      expect(root[name]?.replace(/'/g, '"'), name).toBe(value);
    }
    const dark = appearanceToCssVariables({ theme: 'dark' });
    const changed = Object.keys(dark).filter((name) => dark[name] !== light[name]);
    expect(changed.length).toBeGreaterThan(0);
    expect(declarations(".mk-Root[data-theme='dark']")).toEqual(
      Object.fromEntries(changed.map((name) => [name, dark[name]])),
    );
  });

  it('ignores empty overrides instead of blanking a color', () => {
    expect(appearanceToCssVariables({ variables: { colorText: '' } })['--mk-color-text']).toBe(
      lightTheme.colorText,
    );
  });
});
