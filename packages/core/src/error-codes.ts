import { ERROR_STATUS, type ErrorCode } from './errors';

/** What each error code means; the documented list for READMEs, servers and tests. */
export const ERROR_DESCRIPTIONS = {
  // Bad input (400)
  invalid_request: 'The request body or query does not match the schema; `param` names the field.',
  invalid_json: 'The body is not valid JSON.',
  invalid_body:
    'The body could not be decoded (e.g. a broken gzip or an unsupported Content-Encoding).',
  unsupported_media_type:
    'A request that changes state must send `Content-Type: application/json` (the CSRF defence).',
  unknown_field: 'The body has a field the endpoint does not accept; `param` names it.',
  invalid_amount: 'An amount is not a number.',
  not_an_integer: 'Amounts are integers in minor units (cents); floats are rejected.',
  amount_negative: 'The amount is negative.',
  amount_zero: 'The amount is zero where a positive amount is needed.',
  amount_too_large: "The amount is above Stripe's maximum of 99,999,999 minor units.",
  amount_precision:
    'The amount is not a multiple of the currency’s smallest chargeable step (e.g. 10 for three-decimal currencies).',
  invalid_money_format: 'A money string could not be parsed.',
  unsupported_currency: 'The currency is unknown or not enabled for this platform.',
  currency_mismatch: 'Amounts in different currencies were combined.',
  empty_order: 'The checkout has no lines.',
  too_many_lines: 'The checkout has more lines than allowed.',
  invalid_quantity: 'A quantity is not a positive integer.',
  invalid_fee_policy: 'The fee policy produces an invalid fee.',
  payload_too_large: 'The request body is larger than the limit.',
  // Who is asking (401/403/404/429)
  unauthenticated: 'No signed-in user; the app’s `authenticate` returned null.',
  forbidden: 'The signed-in user’s role may not use this endpoint.',
  cross_origin_forbidden:
    'The request came from another site (`Origin` not allowed or `Sec-Fetch-Site: cross-site`).',
  not_found: 'No such resource for this user.',
  rate_limited: 'Too many requests; retry after the `Retry-After` header.',
  // Accounts and onboarding (409)
  account_missing: 'The user has no connected account yet; call POST /accounts first.',
  account_rejected: 'The connected account was rejected and cannot be used.',
  link_state_invalid: 'The signed state on a return or refresh URL is forged or malformed.',
  link_state_expired:
    'The signed state on a return or refresh URL has expired; start onboarding again.',
  // Checkout (400/409)
  unknown_item: 'A checkout item is not in the app’s catalogue; `param` names it.',
  unknown_seller: 'A checkout line names a seller that does not exist.',
  seller_cannot_receive_transfers:
    'A seller’s account cannot receive transfers yet (onboarding incomplete or restricted).',
  seller_cross_border: 'A seller is in a country the platform cannot transfer to.',
  // Orders and refunds (404/409)
  order_not_paid: 'The order has not been paid, so it cannot be refunded.',
  order_not_refundable:
    'The order is in a final state (a dispute was lost: the customer already got the money back through their bank), so it cannot be refunded.',
  refund_exceeds_charge: 'The refund is larger than what is left to refund on the order.',
  refund_in_progress:
    'Another refund of this order is unfinished; retry it (same amount or its Idempotency-Key) first.',
  // Payouts (409)
  payouts_not_enabled: 'The account cannot receive payouts yet.',
  payout_insufficient_funds: 'The available balance is smaller than the payout.',
  instant_payout_unavailable:
    'Instant payouts need an eligible debit card and an instant-available balance.',
  payout_in_progress:
    'Another payout request is unfinished; retry it (same parameters or its Idempotency-Key) first.',
  // Webhooks (400)
  webhook_signature_invalid:
    'The Stripe-Signature header is missing or does not match the payload.',
  webhook_timestamp_stale:
    'The Stripe-Signature timestamp is outside the tolerance window (a replay).',
  // Upstream and unexpected (502/503/500)
  stripe_error:
    'Stripe rejected the request; the message is safe to show, internals are logged with the requestId.',
  stripe_unavailable: 'Stripe could not be reached; the operation is safe to retry.',
  pricing_invalid:
    'The app’s `pricing` returned a malformed line (its bug); logged with the reason, nothing was charged.',
  internal_error: 'An unexpected error; details are in the server log under `requestId`.',
} as const satisfies Record<ErrorCode, string>;

export type ErrorCodeInfo<Code extends ErrorCode = ErrorCode> = {
  status: (typeof ERROR_STATUS)[Code];
  description: string;
};

/** Every error code with its HTTP status and meaning. */
export const ERROR_CODES = /* @__PURE__ */ describeErrorCodes();

function describeErrorCodes(): { [Code in ErrorCode]: ErrorCodeInfo<Code> } {
  const entries = (Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => [
    code,
    { status: ERROR_STATUS[code], description: ERROR_DESCRIPTIONS[code] },
  ]);
  return Object.fromEntries(entries) as { [Code in ErrorCode]: ErrorCodeInfo<Code> };
}
