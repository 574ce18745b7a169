import type Stripe from 'stripe';
import { day, type Engine } from '../core/engine';
import type { BalanceTransactionObject, ChargeObject, DisputeObject } from '../core/state';
import { createId } from '../ids';
import { invalidRequest, notFound } from '../http/errors';

/** A dispute's evidence before any is submitted: every field null, as Stripe returns it. */
export function emptyEvidence(): Stripe.Dispute.Evidence {
  const fields = [
    'access_activity_log',
    'billing_address',
    'cancellation_policy',
    'cancellation_policy_disclosure',
    'cancellation_rebuttal',
    'customer_communication',
    'customer_email_address',
    'customer_name',
    'customer_purchase_ip',
    'customer_signature',
    'duplicate_charge_documentation',
    'duplicate_charge_explanation',
    'duplicate_charge_id',
    'product_description',
    'receipt',
    'refund_policy',
    'refund_policy_disclosure',
    'refund_refusal_explanation',
    'service_date',
    'service_documentation',
    'shipping_address',
    'shipping_carrier',
    'shipping_date',
    'shipping_documentation',
    'shipping_tracking_number',
    'uncategorized_file',
    'uncategorized_text',
  ] as const;
  return {
    ...(Object.fromEntries(fields.map((field) => [field, null])) as Record<
      (typeof fields)[number],
      null
    >),
    enhanced_evidence: {},
  };
}

/** The dispute a `pm_card_createDispute` charge opens: the amount and Stripe's dispute fee leave the platform. */
export function createDispute(engine: Engine, charge: ChargeObject) {
  const id = createId('dp');
  const fee = engine.state.pricing.disputeFee;
  const transaction = engine.addBalanceTransaction(engine.platformId, {
    amount: -charge.amount,
    currency: charge.currency,
    type: 'adjustment',
    reporting_category: 'dispute',
    source: id,
    fee,
    fee_description: 'Dispute fee',
    description: `Chargeback withdrawal for ${charge.id}`,
  });
  const dispute: DisputeObject = {
    id,
    object: 'dispute',
    amount: charge.amount,
    balance_transactions: [transaction.id],
    charge: charge.id,
    created: engine.now(),
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: emptyEvidence(),
    evidence_details: {
      due_by: engine.now() + 7 * day,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: 'not_submitted',
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: charge.payment_intent,
    reason: 'fraudulent',
    status: 'needs_response',
  };
  engine.state.disputes[id] = dispute;
  engine.setOwner(id, engine.platformId);
  charge.disputed = true;
  engine.emit('charge.dispute.created', renderDispute(engine, dispute), engine.platformId);
  engine.emit('charge.dispute.funds_withdrawn', renderDispute(engine, dispute), engine.platformId);
}

export function renderDispute(engine: Engine, dispute: DisputeObject) {
  return {
    ...structuredClone(dispute),
    balance_transactions: dispute.balance_transactions.map((id) =>
      engine.renderBalanceTransaction(
        engine.state.balanceTransactions[id] as BalanceTransactionObject,
      ),
    ),
  };
}

/** Closes a dispute: `won` returns the disputed amount (the fee stays with Stripe), `lost` keeps it withdrawn. */
export function closeDispute(engine: Engine, id: string, outcome: 'won' | 'lost') {
  const dispute = engine.state.disputes[id];
  if (!dispute) throw notFound('dispute', id);
  if (dispute.status === 'won' || dispute.status === 'lost') {
    throw invalidRequest(`This dispute is already closed (${dispute.status}).`, {
      code: 'dispute_already_closed',
    });
  }
  const previous = { status: dispute.status };
  if (outcome === 'won') {
    const transaction = engine.addBalanceTransaction(engine.platformId, {
      amount: dispute.amount,
      currency: dispute.currency,
      type: 'adjustment',
      reporting_category: 'dispute_reversal',
      source: id,
      description: `Chargeback reversal for ${dispute.charge}`,
    });
    dispute.balance_transactions.push(transaction.id);
    dispute.status = 'won';
  } else {
    dispute.status = 'lost';
  }
  engine.emit('charge.dispute.closed', renderDispute(engine, dispute), engine.platformId, previous);
  if (outcome === 'won')
    engine.emit(
      'charge.dispute.funds_reinstated',
      renderDispute(engine, dispute),
      engine.platformId,
    );
  return dispute;
}
