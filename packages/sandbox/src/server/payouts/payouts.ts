import type { Engine } from '../core/engine';
import { day } from '../core/engine';
import { type ExternalAccountRecord, type PayoutObject } from '../core/state';
import { defaultExternalAccount } from '../external-accounts/external-accounts';
import { bankAccountOutcomes } from '../fixtures/test-tokens';
import { invalidRequest, notFound } from '../http/errors';
import type { Params } from '../http/params';
import { isCurrency, percentOf } from '../http/params';
import { createId } from '../ids';

export function payoutRecord(engine: Engine, owner: string, id: string): PayoutObject {
  const payout = engine.state.payouts[id];
  if (!payout || engine.ownerOf(id) !== owner) throw notFound('payout', id);
  return payout;
}

/** Manual payouts (`POST /v1/payouts`, usually with `Stripe-Account`), standard or instant. */
export function createPayout(engine: Engine, owner: string, params: Params): PayoutObject {
  params.allowOnly([
    'amount',
    'currency',
    'method',
    'destination',
    'description',
    'metadata',
    'statement_descriptor',
    'source_type',
  ]);
  const currency = params.string('currency') ?? engine.defaultCurrency(owner);
  if (!isCurrency(currency))
    throw invalidRequest(`Invalid currency: ${currency}`, { param: 'currency' });
  const method = params.oneOf('method', ['standard', 'instant'] as const) ?? 'standard';
  // An instant payout without an amount takes everything instantly available, less its fee.
  const amount =
    method === 'instant' && params.integer('amount') === undefined
      ? largestInstantPayout(engine, owner, currency)
      : params.requiredInteger('amount');
  if (amount <= 0)
    throw invalidRequest('Invalid positive integer', {
      param: 'amount',
      code: 'parameter_invalid_integer',
    });
  const destinationId = params.string('destination');
  return startPayout(engine, owner, {
    amount,
    currency,
    method,
    destinationId,
    automatic: false,
    description: params.string('description') ?? null,
    metadata: params.metadata(),
    statementDescriptor: params.string('statement_descriptor') ?? null,
  });
}

/** Stripe's floor for the instant payout fee in the US: 50 minor units ($0.50). */
export const instantPayoutMinimumFee = 50;

/** The instant payout fee: a percentage of the payout (half up, integer minor units) with a floor. */
export function instantPayoutFee(engine: Engine, amount: number) {
  return Math.max(
    percentOf(amount, engine.state.pricing.instantPayoutBasisPoints),
    instantPayoutMinimumFee,
  );
}

/**
 * The largest instant payout whose amount plus fee fits in the instantly available balance. The fee only
 * grows with the amount, so start from the closed-form estimate and step to the exact integer answer.
 */
export function largestInstantPayout(engine: Engine, owner: string, currency: string) {
  const available = engine.instantAvailableBalance(owner, currency);
  const fits = (amount: number) => amount + instantPayoutFee(engine, amount) <= available;
  const basisPoints = engine.state.pricing.instantPayoutBasisPoints;
  let amount = Math.min(
    Math.floor((available * 10_000) / (10_000 + basisPoints)),
    available - instantPayoutMinimumFee,
  );
  while (amount > 0 && !fits(amount)) amount -= 1;
  while (fits(amount + 1)) amount += 1;
  if (amount <= 0) {
    throw invalidRequest(
      `The instantly available balance (${available} ${currency}) does not cover the minimum instant payout fee of ${instantPayoutMinimumFee} ${currency}.`,
      { code: 'balance_insufficient' },
    );
  }
  return amount;
}

function startPayout(
  engine: Engine,
  owner: string,
  input: {
    amount: number;
    currency: string;
    method: 'standard' | 'instant';
    destinationId?: string;
    automatic: boolean;
    description: string | null;
    metadata: Record<string, string>;
    statementDescriptor: string | null;
  },
): PayoutObject {
  const record = engine.state.accounts[owner];
  if (record && !record.account.payouts_enabled) {
    throw invalidRequest(
      'Your account cannot currently make payouts. Complete the requirements on the account first.',
      { code: 'payouts_not_allowed' },
    );
  }
  let destination: ExternalAccountRecord | undefined;
  if (input.destinationId) {
    destination = engine.state.externalAccounts[input.destinationId];
    if (!destination || destination.object.account !== owner) {
      throw invalidRequest(`No such external account: '${input.destinationId}'`, {
        param: 'destination',
        code: 'resource_missing',
      });
    }
  } else if (record) {
    destination =
      input.method === 'instant'
        ? defaultExternalAccount(engine, owner, input.currency, 'card')
        : defaultExternalAccount(engine, owner, input.currency);
  }
  if (record && !destination) {
    throw invalidRequest(
      input.method === 'instant'
        ? 'This account has no debit card that supports instant payouts. Add one with `external_account: tok_visa_debit`.'
        : `This account has no external account for ${input.currency}.`,
      {
        param: 'destination',
        code: input.method === 'instant' ? 'instant_payouts_unsupported' : 'no_external_account',
      },
    );
  }
  if (input.method === 'instant' && destination && destination.object.object !== 'card') {
    throw invalidRequest('Instant payouts need a debit card destination.', {
      param: 'method',
      code: 'instant_payouts_unsupported',
    });
  }
  const fee = input.method === 'instant' ? instantPayoutFee(engine, input.amount) : 0;
  const spendable =
    input.method === 'instant'
      ? engine.instantAvailableBalance(owner, input.currency)
      : engine.availableBalance(owner, input.currency);
  if (spendable < input.amount + fee) {
    throw invalidRequest(
      'You have insufficient funds in your Stripe account for this transfer. Your card balance is too low. You can use the /v1/balance endpoint to view your Stripe balance (for more details, see stripe.com/docs/api#balance).',
      { code: 'balance_insufficient' },
    );
  }
  const id = createId('po');
  const transaction = engine.addBalanceTransaction(owner, {
    amount: -input.amount,
    currency: input.currency,
    type: 'payout',
    reporting_category: 'payout',
    source: id,
    fee,
    fee_description: 'Instant payout fee',
    description: input.automatic ? 'STRIPE PAYOUT' : input.description,
  });
  const payout: PayoutObject = {
    id,
    object: 'payout',
    amount: input.amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: input.method === 'instant' ? engine.now() : engine.now() + day,
    automatic: input.automatic,
    balance_transaction: transaction.id,
    created: engine.now(),
    currency: input.currency,
    description: input.description,
    destination: destination?.object.id ?? null,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: input.metadata,
    method: input.method,
    original_payout: null,
    payout_method: null,
    // Stripe reconciles automatic payouts against their balance transactions; manual ones it does not.
    reconciliation_status: input.automatic ? 'in_progress' : 'not_applicable',
    reversed_by: null,
    source_type: 'card',
    statement_descriptor: input.statementDescriptor,
    status: input.method === 'instant' ? 'in_transit' : 'pending',
    trace_id: { status: 'pending', value: null },
    type: destination?.object.object === 'card' ? 'card' : 'bank_account',
  };
  engine.state.payouts[id] = payout;
  engine.setOwner(id, owner);
  engine.emit('payout.created', payout, owner);
  return payout;
}

/** Settles payouts whose arrival date has come: paid, or failed with the funds returned. */
export function settlePayouts(engine: Engine) {
  for (const payout of Object.values(engine.state.payouts)) {
    if (
      (payout.status !== 'pending' && payout.status !== 'in_transit') ||
      payout.arrival_date > engine.now()
    )
      continue;
    const owner = engine.ownerOf(payout.id) as string;
    const destination = payout.destination
      ? engine.state.externalAccounts[payout.destination]
      : undefined;
    const failure = destination ? bankAccountOutcomes[destination.number] : null;
    const previous = { status: payout.status };
    // The sandbox has no bank network to trace through (an assumption, see the README).
    payout.trace_id = { status: 'unsupported', value: null };
    if (payout.automatic) payout.reconciliation_status = 'completed';
    if (failure) {
      const transaction = engine.addBalanceTransaction(owner, {
        amount: payout.amount,
        currency: payout.currency,
        type: 'payout_failure',
        reporting_category: 'payout_reversal',
        source: payout.id,
        description: `Payout failure: ${failure.code}`,
      });
      payout.status = 'failed';
      payout.failure_code = failure.code;
      payout.failure_message = failure.message;
      payout.failure_balance_transaction = transaction.id;
      if (destination?.object.object === 'bank_account') destination.object.status = 'errored';
      engine.emit('payout.failed', payout, owner, previous);
    } else {
      payout.status = 'paid';
      engine.emit('payout.paid', payout, owner, previous);
    }
  }
}

function payoutDue(
  schedule: { interval: string; weekly_anchor?: string; monthly_anchor?: number },
  dayStart: number,
) {
  const date = new Date(dayStart * 1000);
  if (schedule.interval === 'daily') return true;
  if (schedule.interval === 'weekly') {
    const weekday = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][
      date.getUTCDay()
    ];
    return weekday === (schedule.weekly_anchor ?? 'monday');
  }
  if (schedule.interval === 'monthly') {
    const anchor = schedule.monthly_anchor ?? 1;
    const lastDay = new Date(
      Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0),
    ).getUTCDate();
    // Anchors past the month's end (31 in April) pay out on its last day, as Stripe does.
    return date.getUTCDate() === Math.min(anchor, lastDay);
  }
  return false;
}

/** Automatic payouts at the start of a UTC day: each account's whole available balance, per its schedule. */
export function runAutomaticPayouts(engine: Engine, dayStart: number) {
  for (const record of Object.values(engine.state.accounts)) {
    if (record.deleted || !record.account.payouts_enabled) continue;
    const schedule = record.account.settings.payouts?.schedule;
    if (!schedule || schedule.interval === 'manual' || !payoutDue(schedule, dayStart)) continue;
    const id = record.account.id;
    if (engine.state.lastPayoutRun[id] === dayStart) continue;
    engine.state.lastPayoutRun[id] = dayStart;
    for (const [currency, totals] of engine.balanceTotals(id)) {
      if (totals.available <= 0 || !defaultExternalAccount(engine, id, currency)) continue;
      startPayout(engine, id, {
        amount: totals.available,
        currency,
        method: 'standard',
        automatic: true,
        description: 'STRIPE PAYOUT',
        metadata: {},
        statementDescriptor: null,
      });
    }
  }
}
