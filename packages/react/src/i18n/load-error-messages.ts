import type * as FailureModuleType from './error-messages';
import type { Messages } from './messages';

type FailureModule = typeof FailureModuleType;

let loaded: FailureModule | undefined;
let loading: Promise<FailureModule | undefined> | undefined;

/**
 * Fetches what only a failure needs the first time something fails: the English sentence for every error
 * code and core's `ApiError` class. Most pages never fail, so they never download it. Hooks await it before
 * showing an error, so the right sentence appears at once; if it cannot load (offline), the component's
 * generic sentence is shown instead. Resolves to the module, or `undefined` when it could not load.
 */
export function loadFailureModule(): Promise<FailureModule | undefined> {
  loading ??= import('./error-messages').then(
    (module) => (loaded = module),
    () => {
      // Try again with the next failure rather than caching a failed download.
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}

/** `loadFailureModule` for callers that only need the sentences ready. */
export async function loadErrorMessages(): Promise<void> {
  await loadFailureModule();
}

/** The English error sentences, once `loadErrorMessages` has fetched them. */
export function loadedErrorMessages(): Partial<Messages> | undefined {
  return loaded?.errorMessages;
}

/** The failure module, once loaded (for the decline catalogue). */
export function loadedFailureModule(): FailureModule | undefined {
  return loaded;
}
