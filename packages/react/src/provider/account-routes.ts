// The account routes: what onboarding, the dashboard link and the embedded components call. Apart from
// routes.ts because parts that load on demand (RiskBanner's signals, the embedded variants) call them: a page's
// first load then does not carry them (an app's bundler keeps a module whole).
import type { ApiRoute } from './api-client';

export const createAccountRoute: ApiRoute<'createAccount'> = { method: 'POST', path: '/accounts' };
export const createAccountLinkRoute: ApiRoute<'createAccountLink'> = {
  method: 'POST',
  path: '/account-links',
};
export const createAccountSessionRoute: ApiRoute<'createAccountSession'> = {
  method: 'POST',
  path: '/account-sessions',
};
export const createLoginLinkRoute: ApiRoute<'createLoginLink'> = {
  method: 'POST',
  path: '/login-links',
};
