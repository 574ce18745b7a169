import type { Messages } from './messages';

let loaded: Partial<Messages> | undefined;
let loading: Promise<void> | undefined;

/**
 * Fetches the English sentence for every error code the first time something fails: most pages never
 * fail, so they never download it. Hooks await it before showing an error, so the right sentence appears
 * at once; if it cannot load (offline), the component's generic sentence is shown instead.
 */
export function loadErrorMessages(): Promise<void> {
  loading ??= import('./error-messages').then(
    (module) => {
      loaded = module.errorMessages;
    },
    () => {
      // Try again with the next failure rather than caching a failed download.
      loading = undefined;
    },
  );
  return loading;
}

/** The English error sentences, once `loadErrorMessages` has fetched them. */
export function loadedErrorMessages(): Partial<Messages> | undefined {
  return loaded;
}
