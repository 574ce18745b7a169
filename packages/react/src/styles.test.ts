// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sourceRoot = import.meta.dirname;

describe('@marketkit/react/styles.css', () => {
  it('imports every component stylesheet, theme first, and nothing from Storybook', () => {
    const imports = [
      ...readFileSync(join(sourceRoot, 'styles.css'), 'utf8').matchAll(/^@import '\.\/(.+)';$/gm),
    ].map((match) => match[1]);
    const stylesheets = readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' })
      .filter(
        (file) =>
          file.endsWith('.css') && file !== 'styles.css' && !file.startsWith('stories-support'),
      )
      .map((file) => file.split('\\').join('/'));
    expect(imports[0]).toBe('theme/theme.css');
    expect([...imports].sort()).toEqual([...stylesheets].sort());
  });
});
