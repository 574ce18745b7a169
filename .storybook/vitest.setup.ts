import * as a11yAddonAnnotations from '@storybook/addon-a11y/preview';
import { setProjectAnnotations } from '@storybook/react-vite';
import { afterEach, beforeAll, expect, inject, type TestContext } from 'vitest';
import { page } from 'vitest/browser';
import * as projectAnnotations from './preview';

// This browser instance's theme (see vitest.config.ts): every story runs once light and once dark.
const theme = inject('theme');

// Stories run with the same decorators, loaders (MSW) and a11y settings as in Storybook itself.
const annotations = setProjectAnnotations([
  a11yAddonAnnotations,
  projectAnnotations,
  { initialGlobals: { theme, locale: 'en' } },
]);

beforeAll(annotations.beforeAll);

// Screenshots must not depend on timing: no animation frame, transition or blinking caret.
beforeAll(() => {
  const style = document.createElement('style');
  style.textContent = `*, *::before, *::after {
    animation: none !important;
    transition: none !important;
    caret-color: transparent !important;
  }`;
  document.head.append(style);
});

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// After the play function and axe: the story as it ends up, against its committed baseline.
afterEach(async (context: TestContext) => {
  if (context.task.result?.state === 'fail') return;
  const canvas = document.querySelector<HTMLElement>('.mk-StoryCanvas');
  if (!canvas) return;
  // A list still refreshing is not the resting design either; but a story frozen in its loading state
  // (Loading, Processing) stays busy by design, so after a bounded wait its busy state is what is compared.
  const settleBy = Date.now() + 3_000;
  while (canvas.querySelector('[aria-busy="true"]') && Date.now() < settleBy)
    await new Promise((resolve) => setTimeout(resolve, 50));
  // Focus rings belong to the interaction, not to the resting design.
  (document.activeElement as HTMLElement | null)?.blur();
  await expect(page.elementLocator(canvas)).toMatchScreenshot(
    `${slug(context.task.name)}-${theme}`,
  );
});
