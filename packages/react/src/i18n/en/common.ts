// The strings every part shares, in small groups so each component ships only the ones it shows.

/** What every component says when something fails (`describeError` and the retry button). */
export const failureMessages = {
  'common.retry': 'Try again',
  'common.errorLoading': 'This could not be loaded. {message}',
  'common.networkError': 'The server could not be reached. Check your connection and try again.',
  // Shown for any failure until the full error catalogue (loaded on demand) says more.
  'error.internal_error':
    'Something went wrong on our side. Try again; if it keeps happening, contact support.',
};
/** What the embedded variants show while Stripe's Connect components load (in the first load). */
export const embeddedLoadingMessages = { 'embedded.loading': 'Loading Stripe…' };
export const loadingMessages = { 'common.loading': 'Loading…' };
export const confirmMessages = { 'common.cancel': 'Cancel', 'common.confirm': 'Confirm' };
export const closeMessages = { 'common.close': 'Close' };
export const dismissMessages = { 'common.dismiss': 'Dismiss' };
