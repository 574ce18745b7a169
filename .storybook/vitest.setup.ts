import * as a11yAddonAnnotations from '@storybook/addon-a11y/preview';
import { setProjectAnnotations } from '@storybook/react-vite';
import type { StoryContext } from '@storybook/react-vite';
import { beforeAll, beforeEach, expect } from 'vitest';
import { page } from 'vitest/browser';
import { showStoriesInTheme } from '../packages/react/src/stories-support/story-theme';
import type { StoryTheme } from '../packages/react/src/stories-support/story-theme';
import * as projectAnnotations from './preview';

// axe runs once per theme, from `inBothThemes` below, instead of once after the play function.
const { afterEach: checkAccessibility, ...a11yAnnotations } = a11yAddonAnnotations;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

async function nextFrame() {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** The story as it ends up, in one theme: axe, then the committed baseline. */
async function checkInTheme(context: StoryContext, theme: StoryTheme) {
  // Light is the toolbar's theme, which the Dark stories set to dark for themselves.
  showStoriesInTheme(theme === 'light' ? null : theme);
  await nextFrame();
  const canvas = context.canvasElement.querySelector<HTMLElement>('.mk-StoryCanvas');
  if (!canvas) return;
  // A list still refreshing is not the resting design either; but a story frozen in its loading state
  // (Loading, Processing) stays busy by design, so after a bounded wait its busy state is what is compared.
  const settleBy = Date.now() + 3_000;
  while (canvas.querySelector('[aria-busy="true"]') && Date.now() < settleBy)
    await new Promise((resolve) => setTimeout(resolve, 50));
  await checkAccessibility(context);
  // Focus rings belong to the interaction, not to the resting design.
  (document.activeElement as HTMLElement | null)?.blur();
  await expect(page.elementLocator(canvas)).toMatchScreenshot(`${slug(context.name)}-${theme}`);
}

// Every story renders and plays once, then is checked light and dark: the mounted story switches theme,
// so the dark check sees the state the play function left (a dialog open, an error shown).
async function inBothThemes(context: StoryContext) {
  await checkInTheme(context, 'light');
  await checkInTheme(context, 'dark');
}

// Stories run with the same decorators, loaders (MSW) and a11y settings as in Storybook itself.
const annotations = setProjectAnnotations([
  a11yAnnotations,
  projectAnnotations,
  { initialGlobals: { theme: 'light', locale: 'en' }, afterEach: inBothThemes },
]);

beforeAll(annotations.beforeAll);

// Each story starts in the toolbar's theme (light), whatever the previous story was switched to.
beforeEach(() => showStoriesInTheme(null));

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
