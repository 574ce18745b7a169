import { accountLinkRoutes } from './account-links/account-link-routes';
import { accountSessionRoutes } from './account-sessions/account-session-routes';
import { accountRoutes } from './accounts/account-routes';
import { balanceRoutes } from './balance/balance-routes';
import { chargeRoutes } from './charges/charge-routes';
import { connectJsRoutes } from './connect-js/connect-js-routes';
import { controlRoutes } from './controls/control-routes';
import { disputeRoutes } from './disputes/dispute-routes';
import { eventRoutes } from './events/event-routes';
import { externalAccountRoutes } from './external-accounts/external-account-routes';
import type { Route } from './http/route';
import { loginLinkRoutes } from './login-links/login-link-routes';
import { paymentIntentRoutes } from './payment-intents/payment-intent-routes';
import { paymentMethodRoutes } from './payment-methods/payment-method-routes';
import { payoutRoutes } from './payouts/payout-routes';
import { refundRoutes } from './refunds/refund-routes';
import { transferRoutes } from './transfers/transfer-routes';
import { webhookEndpointRoutes } from './webhook-endpoints/webhook-endpoint-routes';

/**
 * Every route the sandbox answers — Stripe's `/v1` API, the `/_sandbox` controls, the Connect.js
 * stand-in API and the hosted pages — declared the same way, one resource folder at a time.
 */
export const routeTable: readonly Route[] = [
  ...accountRoutes,
  ...externalAccountRoutes,
  ...loginLinkRoutes,
  ...accountLinkRoutes,
  ...accountSessionRoutes,
  ...paymentMethodRoutes,
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...refundRoutes,
  ...disputeRoutes,
  ...transferRoutes,
  ...balanceRoutes,
  ...payoutRoutes,
  ...eventRoutes,
  ...webhookEndpointRoutes,
  ...connectJsRoutes,
  ...controlRoutes,
];
