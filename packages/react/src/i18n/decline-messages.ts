import { declinedMessages } from './en/checkout-payment';

/** A card payment that did not go through, grouped by what the buyer can do about it. */
export const declineMessages = /* @__PURE__ */ Object.assign({}, declinedMessages, {
  'decline.insufficient_funds': 'Your card has insufficient funds. Try another card.',
  'decline.expired': 'Your card has expired. Check the expiry date or use another card.',
  'decline.cvc': 'The security code is incorrect. Check the 3 or 4 digits on your card.',
  'decline.number': 'The card number is incorrect. Check it and try again.',
  'decline.postal_code': 'The postal code does not match your card. Check it and try again.',
  'decline.not_supported': 'This card cannot be used for this payment. Try another card.',
  'decline.limit': 'This card has reached its limit. Try another card, or contact your bank.',
  'decline.try_again': 'Your bank could not process the payment. Try again in a moment.',
  'decline.authentication':
    'Your bank could not confirm it was you. Try again, or use another card.',
});

export type DeclineGroup = keyof typeof declineMessages extends `decline.${infer Group}`
  ? Group
  : never;

/**
 * Stripe's decline codes (https://docs.stripe.com/declines/codes) and card/authentication error codes
 * (`payment_intent_authentication_failure`, `incorrect_cvc`, …), each to the group whose next step fits.
 * Lost, stolen and fraud codes read as a plain decline, as Stripe advises. Unknown codes: `declined`.
 */
const DECLINE_GROUPS: Record<string, DeclineGroup> = {
  insufficient_funds: 'insufficient_funds',
  expired_card: 'expired',
  invalid_expiry_month: 'expired',
  invalid_expiry_year: 'expired',
  invalid_expiry_year_past: 'expired',
  incorrect_cvc: 'cvc',
  invalid_cvc: 'cvc',
  incomplete_cvc: 'cvc',
  incorrect_number: 'number',
  invalid_number: 'number',
  incomplete_number: 'number',
  incorrect_zip: 'postal_code',
  incomplete_zip: 'postal_code',
  card_not_supported: 'not_supported',
  currency_not_supported: 'not_supported',
  transaction_not_allowed: 'not_supported',
  service_not_allowed: 'not_supported',
  not_permitted: 'not_supported',
  invalid_account: 'not_supported',
  invalid_amount: 'not_supported',
  card_velocity_exceeded: 'limit',
  withdrawal_count_exceeded: 'limit',
  processing_error: 'try_again',
  issuer_not_available: 'try_again',
  try_again_later: 'try_again',
  reenter_transaction: 'try_again',
  approve_with_id: 'try_again',
  authentication_required: 'authentication',
  payment_intent_authentication_failure: 'authentication',
  setup_intent_authentication_failure: 'authentication',
};

export function declineGroup(code: string | undefined): DeclineGroup {
  return (code && DECLINE_GROUPS[code]) || 'declined';
}
