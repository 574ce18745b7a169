import { useSyncExternalStore } from 'react';

export type StoryTheme = 'light' | 'dark';

// The Storybook test run renders each story once and shows it in both themes: after the light
// screenshot it switches the mounted story to dark, so the play function's end state is kept.
let override: StoryTheme | null = null;
const listeners = new Set<() => void>();

/** Shows every mounted story in `theme` (null: the toolbar's theme again). */
export function showStoriesInTheme(theme: StoryTheme | null): void {
  override = theme;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The theme a story is shown in: the test run's override, else the toolbar's. */
export function useStoryTheme(toolbarTheme: StoryTheme): StoryTheme {
  return useSyncExternalStore(
    subscribe,
    () => override ?? toolbarTheme,
    () => toolbarTheme,
  );
}
