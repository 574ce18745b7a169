import type { Engine } from '../core/engine';
import type { ChargeObject, RefundObject } from '../core/state';
import { createId } from '../ids';
import { invalidRequest } from '../http/errors';
import type { Params } from '../http/params';
import { chargeRecord, renderCharge } from '../charges/charges';
import { paymentIntentRecord } from '../payment-intents/payment-intents';

export function createRefund(engine: Engine, params: Params): RefundObject {
  params.allowOnly([
    'charge',
    'payment_intent',
    'amount',
    'reason',
    'reverse_transfer',
    'refund_application_fee',
    'metadata',
  ]);
  const chargeId = params.string('charge');
  const intentId = params.string('payment_intent');
  let charge: ChargeObject;
  if (chargeId) charge = chargeRecord(engine, chargeId);
  else if (intentId) {
    const intent = paymentIntentRecord(engine, intentId, 'payment_intent');
    if (intent.status !== 'succeeded' || !intent.latest_charge) {
      throw invalidRequest(
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        { code: 'charge_not_refundable', param: 'payment_intent' },
      );
    }
    charge = chargeRecord(engine, intent.latest_charge);
  } else {
    throw invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
      { code: 'parameter_missing' },
    );
  }
  // `reverse_transfer` applies to destination charges (`transfer_data[destination]`), which the sandbox does
  // not create; Stripe does not reverse separate transfers for you:
  // https://docs.stripe.com/api/refunds/create#create_refund-reverse_transfer
  if (params.boolean('reverse_transfer') && !charge.transfer_data) {
    throw invalidRequest(
      `Charge ${charge.id} was not created with \`transfer_data[destination]\`, so there is no transfer to reverse with \`reverse_transfer\`. Reverse the transfers you made from it with \`POST /v1/transfers/:id/reversals\`.`,
      { param: 'reverse_transfer' },
    );
  }
  if (charge.status !== 'succeeded')
    throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, {
      code: 'charge_not_refundable',
    });
  if (charge.disputed) {
    throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, {
      code: 'charge_disputed',
    });
  }
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0)
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  const amount = params.integer('amount') ?? remaining;
  if (amount <= 0)
    throw invalidRequest('Refund amount must be positive.', {
      param: 'amount',
      code: 'parameter_invalid_integer',
    });
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${amount} ${charge.currency}) is greater than unrefunded amount on charge (${remaining} ${charge.currency})`,
      { param: 'amount', code: 'amount_too_large' },
    );
  }
  // Accepted for API compatibility; the sandbox has no application fees (the kit uses separate charges and transfers).
  params.boolean('refund_application_fee');
  const id = createId('re');
  const transaction = engine.addBalanceTransaction(engine.platformId, {
    amount: -amount,
    currency: charge.currency,
    type: 'refund',
    reporting_category: 'refund',
    source: id,
    description: 'REFUND FOR CHARGE',
  });
  const refund: RefundObject = {
    id,
    object: 'refund',
    amount,
    balance_transaction: transaction.id,
    charge: charge.id,
    created: engine.now(),
    currency: charge.currency,
    customer: null,
    customer_account: null,
    metadata: params.metadata(),
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    receipt_number: null,
    source_transfer_reversal: null,
    reason:
      params.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  engine.state.refunds[id] = refund;
  engine.setOwner(id, engine.platformId);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  engine.emit('refund.created', refund, engine.platformId);
  engine.emit('charge.refunded', renderCharge(engine, charge), engine.platformId, previous);
  return refund;
}
