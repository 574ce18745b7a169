import type { Engine } from '../core/engine';
import { type TransferObject, type TransferReversalObject } from '../core/state';
import { sameTransferRegion } from '../fixtures/regions';
import { invalidRequest, notFound } from '../http/errors';
import type { Params } from '../http/params';
import { requireCurrency } from '../http/params';
import { createId } from '../ids';

export function transferRecord(engine: Engine, id: string, param = 'id'): TransferObject {
  const transfer = engine.state.transfers[id];
  if (!transfer) throw notFound('transfer', id, param);
  return transfer;
}

/**
 * Separate charges and transfers. With `source_transaction` the money follows the charge (pending
 * until the charge is available, no platform balance needed); without it the platform's available
 * balance must cover the amount.
 */
export function createTransfer(engine: Engine, params: Params): TransferObject {
  params.allowOnly([
    'amount',
    'currency',
    'destination',
    'transfer_group',
    'source_transaction',
    'description',
    'metadata',
  ]);
  const amount = params.requiredInteger('amount');
  const currency = requireCurrency(params);
  if (amount <= 0)
    throw invalidRequest('Invalid positive integer', {
      param: 'amount',
      code: 'parameter_invalid_integer',
    });
  const destinationId = params.requiredString('destination');
  const destination = engine.state.accounts[destinationId];
  if (!destination || destination.deleted) {
    throw invalidRequest(`No such destination: '${destinationId}'`, {
      param: 'destination',
      code: 'resource_missing',
    });
  }
  const account = destination.account;
  if (
    !sameTransferRegion(engine.state.platformCountry, account.country ?? '') &&
    account.tos_acceptance?.service_agreement !== 'recipient'
  ) {
    throw invalidRequest(
      `Funds can't be sent to accounts located in ${account.country} because it's restricted outside of your platform's region.`,
      { param: 'destination', code: 'transfers_not_allowed' },
    );
  }
  if (account.capabilities?.transfers !== 'active') {
    throw invalidRequest(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      { param: 'destination', code: 'insufficient_capabilities_for_transfer' },
    );
  }
  let availableOn = engine.now();
  const sourceId = params.string('source_transaction');
  if (sourceId) {
    const charge = engine.state.charges[sourceId];
    if (!charge)
      throw invalidRequest(`No such charge: '${sourceId}'`, {
        param: 'source_transaction',
        code: 'resource_missing',
      });
    if (charge.status !== 'succeeded') {
      throw invalidRequest('The source_transaction charge has not succeeded.', {
        param: 'source_transaction',
        code: 'charge_not_succeeded',
      });
    }
    if (charge.currency !== currency) {
      throw invalidRequest(
        `The currency of source_transaction's balance transaction (${charge.currency}) must be the same as the transfer currency (${currency})`,
        { param: 'currency' },
      );
    }
    const alreadyTransferred = Object.values(engine.state.transfers)
      .filter((transfer) => transfer.source_transaction === sourceId)
      .reduce((sum, transfer) => sum + transfer.amount - transfer.amount_reversed, 0);
    const spendable = charge.amount - charge.amount_refunded - alreadyTransferred;
    if (amount > spendable) {
      throw invalidRequest(
        `Insufficient funds from source transaction ${sourceId} for transfer. The source transaction has ${spendable} ${currency} remaining.`,
        { param: 'amount', code: 'insufficient_funds' },
      );
    }
    const chargeTransaction = charge.balance_transaction
      ? engine.state.balanceTransactions[charge.balance_transaction]
      : undefined;
    availableOn = Math.max(engine.now(), chargeTransaction?.available_on ?? engine.now());
  } else if (engine.availableBalance(engine.platformId, currency) < amount) {
    throw invalidRequest(
      'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance',
      { code: 'balance_insufficient' },
    );
  }
  const id = createId('tr');
  const destinationPayment = createId('py');
  const platformTransaction = engine.addBalanceTransaction(engine.platformId, {
    amount: -amount,
    currency,
    type: 'transfer',
    reporting_category: 'transfer',
    source: id,
    available_on: availableOn,
  });
  engine.addBalanceTransaction(destinationId, {
    amount,
    currency,
    type: 'payment',
    reporting_category: 'charge',
    source: destinationPayment,
    available_on: availableOn,
  });
  const transfer: TransferObject = {
    id,
    object: 'transfer',
    amount,
    amount_reversed: 0,
    balance_transaction: platformTransaction.id,
    created: engine.now(),
    currency,
    description: params.string('description') ?? null,
    destination: destinationId,
    destination_payment: destinationPayment,
    livemode: false,
    metadata: params.metadata(),
    reversed: false,
    source_transaction: sourceId ?? null,
    transfer_group: params.string('transfer_group') ?? null,
  };
  engine.state.transfers[id] = transfer;
  engine.setOwner(id, engine.platformId);
  engine.setOwner(destinationPayment, destinationId);
  engine.emit('transfer.created', renderTransfer(engine, id), engine.platformId);
  return transfer;
}

/**
 * What a reversal of this transfer may take from its destination: the available balance in the
 * transfer's currency plus this transfer's own funds that are still pending (a refund before the sale
 * settled takes back what has not settled yet). Another sale's pending funds do not count.
 */
function reversibleBalance(engine: Engine, transfer: TransferObject) {
  const ownPending = Object.values(engine.state.balanceTransactions)
    .filter(
      (transaction) =>
        transaction.source === transfer.destination_payment &&
        transaction.available_on > engine.now(),
    )
    .reduce((sum, transaction) => sum + transaction.amount, 0);
  return engine.availableBalance(transfer.destination, transfer.currency) + ownPending;
}

/**
 * Moves money back from the connected account. Stripe: "It is possible to reverse a transfer_group
 * transfer only if the destination account has enough balance to cover the reversal"
 * (https://docs.stripe.com/api/transfer_reversals), so a larger reversal is refused and nothing moves.
 */
export function reverseTransfer(
  engine: Engine,
  transfer: TransferObject,
  amount: number,
  options: { sourceRefund?: string; metadata: Record<string, string> },
): TransferReversalObject {
  const remaining = transfer.amount - transfer.amount_reversed;
  if (amount <= 0)
    throw invalidRequest('Invalid positive integer', {
      param: 'amount',
      code: 'parameter_invalid_integer',
    });
  if (amount > remaining) {
    throw invalidRequest(
      `You have already reversed ${transfer.amount_reversed} of this transfer; the reversal amount (${amount}) exceeds the remaining ${remaining}.`,
      { param: 'amount', code: 'transfer_reversal_amount_too_large' },
    );
  }
  const coverable = reversibleBalance(engine, transfer);
  if (amount > coverable) {
    throw invalidRequest(
      `Insufficient funds in the destination account ${transfer.destination} to reverse this transfer: the reversal needs ${amount} ${transfer.currency} and the account has ${Math.max(coverable, 0)} ${transfer.currency} to cover it.`,
      // Stricter reading: a refusal on the account's balance is an outcome of execution, saved for the key.
      { param: 'amount', code: 'balance_insufficient', stage: 'execution' },
    );
  }
  const id = createId('trr');
  const platformTransaction = engine.addBalanceTransaction(engine.platformId, {
    amount,
    currency: transfer.currency,
    type: 'transfer_refund',
    reporting_category: 'transfer_reversal',
    source: id,
  });
  const paymentRefund = createId('pyr');
  engine.addBalanceTransaction(transfer.destination, {
    amount: -amount,
    currency: transfer.currency,
    type: 'payment_refund',
    reporting_category: 'transfer_reversal',
    source: paymentRefund,
  });
  const reversal: TransferReversalObject = {
    id,
    object: 'transfer_reversal',
    amount,
    balance_transaction: platformTransaction.id,
    created: engine.now(),
    currency: transfer.currency,
    destination_payment_refund: paymentRefund,
    metadata: options.metadata,
    source_refund: options.sourceRefund ?? null,
    transfer: transfer.id,
  };
  engine.state.transferReversals[id] = reversal;
  engine.setOwner(id, engine.platformId);
  engine.setOwner(paymentRefund, transfer.destination);
  const previous = { amount_reversed: transfer.amount_reversed, reversed: transfer.reversed };
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  engine.emit(
    'transfer.reversed',
    renderTransfer(engine, transfer.id),
    engine.platformId,
    previous,
  );
  return reversal;
}

export function createTransferReversal(engine: Engine, transfer: TransferObject, params: Params) {
  params.allowOnly(['amount', 'description', 'metadata', 'refund_application_fee']);
  const amount = params.integer('amount') ?? transfer.amount - transfer.amount_reversed;
  if (amount === 0)
    throw invalidRequest('This transfer is already fully reversed.', {
      code: 'transfer_already_reversed',
    });
  return reverseTransfer(engine, transfer, amount, { metadata: params.metadata() });
}

/** The transfer as Stripe returns it, with its reversals listed newest first. */
export function renderTransfer(engine: Engine, id: string) {
  const transfer = engine.state.transfers[id];
  if (!transfer) throw notFound('transfer', id);
  const reversals = Object.values(engine.state.transferReversals)
    .filter((reversal) => reversal.transfer === id)
    .reverse();
  return {
    ...structuredClone(transfer),
    reversals: {
      object: 'list' as const,
      data: structuredClone(reversals),
      has_more: false,
      url: `/v1/transfers/${id}/reversals`,
    },
  };
}
