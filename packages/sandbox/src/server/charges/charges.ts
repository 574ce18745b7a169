import { day, type Engine } from '../core/engine';
import type { ChargeObject, PaymentIntentObject, PaymentMethodRecord } from '../core/state';
import { createId } from '../ids';
import { notFound } from '../http/errors';
import { percentOf } from '../http/params';
import type { TestCard } from '../fixtures/test-cards';

export function chargeFee(engine: Engine, amount: number) {
  const pricing = engine.state.pricing;
  return percentOf(amount, pricing.cardPercentBasisPoints) + pricing.cardFixed;
}

export function createCharge(
  engine: Engine,
  intent: PaymentIntentObject,
  method: PaymentMethodRecord,
  card: TestCard,
): ChargeObject {
  const id = createId('ch');
  const succeeded = !card.decline;
  const charge: ChargeObject = {
    id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: succeeded ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: structuredClone(method.object.billing_details),
    calculated_statement_descriptor: null,
    captured: succeeded,
    created: engine.now(),
    currency: intent.currency,
    customer: null,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: card.decline?.code ?? null,
    failure_message: card.decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: succeeded ? 'approved_by_network' : 'declined_by_network',
      reason: card.decline?.decline_code ?? null,
      risk_level: 'normal',
      seller_message: succeeded
        ? 'Payment complete.'
        : 'The bank did not return any further details with this decline.',
      type: succeeded ? 'authorized' : 'issuer_declined',
    },
    paid: succeeded,
    payment_intent: intent.id,
    payment_method: method.object.id,
    payment_method_details: {
      type: 'card',
      card: {
        amount_authorized: succeeded ? intent.amount : null,
        authorization_code: null,
        brand: method.object.card.brand,
        checks: structuredClone(method.object.card.checks),
        country: 'US',
        electronic_commerce_indicator: null,
        exp_month: method.object.card.exp_month,
        exp_year: method.object.card.exp_year,
        extended_authorization: { status: 'disabled' },
        funding: method.object.card.funding,
        incremental_authorization: { status: 'unavailable' },
        installments: null,
        last4: method.object.card.last4,
        mandate: null,
        multicapture: { status: 'unavailable' },
        network: method.object.card.brand,
        network_token: { used: false },
        network_transaction_id: null,
        overcapture: { maximum_amount_capturable: intent.amount, status: 'unavailable' },
        regulated_status: 'unregulated',
        three_d_secure: null,
        transaction_link_id: null,
        wallet: null,
      },
    },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: intent.statement_descriptor_suffix,
    status: succeeded ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: intent.transfer_group,
  };
  if (succeeded) {
    const transaction = engine.addBalanceTransaction(engine.platformId, {
      amount: intent.amount,
      currency: intent.currency,
      type: 'charge',
      reporting_category: 'charge',
      source: id,
      fee: chargeFee(engine, intent.amount),
      available_on: card.bypassPending ? engine.now() : engine.now() + 2 * day,
      description: intent.description,
    });
    charge.balance_transaction = transaction.id;
  }
  engine.state.charges[id] = charge;
  engine.setOwner(id, engine.platformId);
  intent.latest_charge = id;
  return charge;
}

export function chargeRecord(engine: Engine, id: string, param = 'charge'): ChargeObject {
  const charge = engine.state.charges[id];
  if (!charge) throw notFound('charge', id, param);
  return charge;
}

export function renderCharge(engine: Engine, charge: ChargeObject) {
  const refunds = Object.values(engine.state.refunds)
    .filter((refund) => refund.charge === charge.id)
    .reverse();
  return {
    ...structuredClone(charge),
    refunds: {
      object: 'list' as const,
      data: structuredClone(refunds),
      has_more: false,
      url: `/v1/charges/${charge.id}/refunds`,
    },
  };
}
