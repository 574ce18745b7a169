import { ApiError, isErrorCode } from '@marketkit/core';
import type { ErrorCode } from '@marketkit/core';

// Declines are failures too: their sentences and Stripe's codes come with the first one.
export { declineGroup, declineMessages } from './decline-messages';

/**
 * The `ApiError` for a failed answer, built here rather than in the API client: this module loads on the
 * first failure anyway, so pages that never fail skip core's error classes and their status table.
 * Unknown codes (a newer server) become `internal_error`.
 */
export function createApiError(
  code: string,
  message: string,
  options: { httpStatus: number; param?: string; requestId?: string },
): ApiError {
  return new ApiError(isErrorCode(code) ? code : 'internal_error', message, options);
}

/**
 * Loaded on demand (`load-error-messages.ts`) the first time something fails, so pages that never fail do
 * not download it; published as `@marketkit/react/error-messages`.
 *
 * What a buyer or seller reads for each server error code: what happened and what to do next. Codes only a
 * developer can cause (bad JSON, webhooks) get the same "try again / contact support" sentence; the detail
 * (server message, request id) goes to `onError` and the console, never on screen.
 */
export const errorMessages = {
  'error.invalid_request':
    'Something went wrong on our side. Try again; if it keeps happening, contact support.',
  'error.invalid_json':
    'Something went wrong on our side. Try again; if it keeps happening, contact support.',
  'error.unknown_field':
    'Something went wrong on our side. Try again; if it keeps happening, contact support.',
  'error.invalid_amount': 'That amount is not valid. Check it and try again.',
  'error.not_an_integer': 'That amount is not valid. Check it and try again.',
  'error.amount_negative': 'That amount is not valid. Check it and try again.',
  'error.amount_zero': 'Enter an amount greater than zero.',
  'error.amount_too_large': 'That amount is too large. Enter a smaller amount.',
  'error.amount_precision':
    'That amount cannot be charged in this currency. Round it and try again.',
  'error.invalid_money_format': 'That amount is not valid. Check it and try again.',
  'error.unsupported_currency': 'This currency is not accepted here. Choose another currency.',
  'error.currency_mismatch':
    'Everything in one payment must be in the same currency. Remove the items in another currency.',
  'error.empty_order': 'Your cart is empty. Add something before paying.',
  'error.too_many_lines': 'Your cart has too many items for one payment. Split it into two orders.',
  'error.invalid_quantity': 'One of the quantities is not valid. Check your cart and try again.',
  'error.invalid_fee_policy':
    'Something went wrong on our side. Try again; if it keeps happening, contact support.',
  'error.payload_too_large':
    'Something went wrong on our side. Try again; if it keeps happening, contact support.',
  'error.unauthenticated': 'Your session has ended. Sign in again to continue.',
  'error.forbidden': 'This is not available with your account. Sign in with the right account.',
  'error.not_found': 'We could not find this. It may have been removed; go back and try again.',
  'error.rate_limited': 'Too many attempts in a short time. Wait a minute, then try again.',
  'error.account_missing': 'You have not set up payouts yet. Set up payouts to start getting paid.',
  'error.account_rejected':
    'Your account was rejected, so payouts are not possible. Contact support.',
  'error.link_state_invalid':
    'That setup link is no longer valid. Start again from your dashboard.',
  'error.link_state_expired': 'That setup link has expired. Start again from your dashboard.',
  'error.unknown_seller':
    'A seller in your cart is no longer available. Remove their items and try again.',
  'error.seller_cannot_receive_transfers':
    'A seller in your cart cannot take payments right now. Remove their items and try again.',
  'error.seller_cross_border':
    'A seller in your cart cannot be paid from this marketplace. Remove their items and try again.',
  'error.order_not_paid': 'This order has not been paid, so there is nothing to refund.',
  'error.order_not_refundable':
    'This order cannot be refunded: the customer already got the money back through their bank (a lost dispute).',
  'error.refund_exceeds_charge':
    'That is more than is left to refund on this order. Enter a smaller amount.',
  'error.payouts_not_enabled':
    'Payouts are not on yet. Finish setting up your account to get paid.',
  'error.payout_insufficient_funds':
    'Your available balance is too low for this payout. Wait for pending funds, then try again.',
  'error.instant_payout_unavailable':
    'Instant payouts need a debit card that supports them. Add one in your Express Dashboard, or pay out to your bank.',
  'error.webhook_signature_invalid':
    'Something went wrong on our side. Try again; if it keeps happening, contact support.',
  'error.webhook_timestamp_stale':
    'Something went wrong on our side. Try again; if it keeps happening, contact support.',
  'error.stripe_error':
    'Our payment provider could not complete this. Try again; if it keeps happening, contact support.',
  'error.stripe_unavailable':
    'Our payment provider is not reachable right now. Try again in a few minutes.',
  'error.invalid_body':
    'Something went wrong on our side. Try again; if it keeps happening, contact support.',
  'error.unsupported_media_type':
    'Something went wrong on our side. Try again; if it keeps happening, contact support.',
  'error.cross_origin_forbidden':
    'This action must be made from the marketplace itself. Reload the page and try again.',
  'error.unknown_item': 'An item in your cart is no longer for sale. Remove it and try again.',
  'error.pricing_invalid':
    'We could not price your cart right now. Try again in a few minutes; if it keeps happening, contact support.',
  'error.refund_in_progress':
    'Another refund of this order is still being made. Wait a moment, then try again.',
  'error.payout_in_progress': 'Another payout is still being made. Wait a moment, then try again.',
  'error.internal_error':
    'Something went wrong on our side. Try again; if it keeps happening, contact support.',
} satisfies Record<`error.${ErrorCode}`, string>;
