// Imported first by .storybook/preview.tsx: the stand-ins must be `window.Stripe` / `window.StripeConnect`
// before any `@stripe/*` module looks for them, or Stripe.js would try (and fail) to load js.stripe.com.
import { installSandboxStripe } from '@marketkit/sandbox/browser';
import { STRIPE_SANDBOX_PATH } from './constants';

if (typeof window !== 'undefined') {
  installSandboxStripe({
    // Same origin, so MSW answers in the mocked stories and the dev server can proxy the live ones.
    apiBase: `${window.location.origin}${STRIPE_SANDBOX_PATH}`,
  });
}
