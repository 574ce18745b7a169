import { allocateDispute, allocateRefund } from '@marketkit/core';
import type Stripe from 'stripe';
import { HttpError } from '../http/errors';
import type { MarketkitConfig } from '../parse-options';
import * as repository from '../stores/repository';
import type { DebtRecord, OrderRecord, RefundRecord } from '../stores/repository';
import type { SqlClient } from '../stores/store';
import { announceDebt } from '../outbox/reversal-jobs';

export type RefundReason = RefundRecord['reason'];

export interface RefundService {
  /**
   * Records a Stripe refund (ours or one made in the Dashboard) with its transfer reversals, once.
   * Returns the stored refund; a second call for the same Stripe refund returns the first record.
   */
  record(order: OrderRecord, refund: Stripe.Refund, idempotencyKey: string): Promise<RefundRecord>;
  /**
   * Records a refund that happened before the order's transfers were made, in the transaction that
   * plans them: each seller's share is taken off their planned transfer instead of reversed later.
   */
  netBeforeTransfers(
    client: SqlClient,
    order: OrderRecord,
    refund: Stripe.Refund,
  ): Promise<(DebtRecord & { added: number })[]>;
  /** Tells `onDebtRecorded` (after the transaction that recorded them committed). */
  announceDebts(debts: readonly (DebtRecord & { added: number })[]): Promise<void>;
  /** Records the reversals a lost dispute claws back from sellers, once per dispute. */
  recordDisputeLoss(order: OrderRecord, dispute: Stripe.Dispute): Promise<RefundRecord | null>;
}

/** Marks a reversal taken off a transfer before it was made (no Stripe reversal exists). */
export const NETTED = 'netted';
/** Marks a share no transfer could give back (it was netted against debt): all of it is debt. */
export const UNCOVERED = 'uncovered';

function reasonOf(refund: Stripe.Refund): RefundReason {
  const reason: string | null = refund.reason;
  return reason === 'duplicate' || reason === 'fraudulent' ? reason : 'requested_by_customer';
}

/**
 * Refunds and lost disputes are recorded here with their reversals planned in the same transaction;
 * the reversals are outbox rows, made at once through the outbox's claims and retried by its worker.
 */
export function createRefundService(
  config: MarketkitConfig,
  outbox: { wake(): void; reverseNow(refundId: string): Promise<void> },
): RefundService {
  const { store, logger } = config;

  /** The reversals are outbox rows: made now when Stripe answers, else by any instance's worker later. */
  async function reverse(refundId: string): Promise<void> {
    await outbox.reverseNow(refundId).catch((error: unknown) => {
      logger.warn(
        { refundId, error: error instanceof Error ? error.name : 'error' },
        'Reversals left to the outbox worker',
      );
      outbox.wake();
    });
  }

  async function announce(debts: readonly (DebtRecord & { added: number })[]): Promise<void> {
    for (const debt of debts)
      await announceDebt(
        config,
        debt,
        'Seller share of a refund no transfer can give back; recorded as seller debt',
      );
  }

  /**
   * Records a refund (or lost dispute) and each seller's share of it. Returns the debts it created: a
   * share larger than what the seller's transfer really sent (netted against earlier debt) is owed at
   * once, as no reversal can ask Stripe for more than the transfer gave.
   */
  async function plan(
    client: SqlClient,
    order: OrderRecord,
    input: {
      id: string;
      amount: number;
      kind: 'refund' | 'dispute';
      idempotencyKey: string;
      reason: RefundReason;
      status: RefundRecord['status'];
      stripeRefundId: string | null;
    },
    /** `'net'`: the transfers are only planned, so the refund is taken off them instead of reversed. */
    mode: 'reverse' | 'net' = 'reverse',
  ): Promise<(DebtRecord & { added: number })[]> {
    const transfers = await repository.listTransfersForOrder(client, order.id);
    if (
      mode === 'reverse' &&
      transfers.some((transfer) => transfer.status === 'planned' || transfer.status === 'in_flight')
    ) {
      throw new HttpError(
        'order_not_paid',
        'The order’s transfers to sellers are still being made; retry in a few seconds.',
      );
    }
    // Allocation works on what each seller was owed originally; netting may have lowered the row's amount.
    const owed = new Map(order.sellers.map((seller) => [seller.sellerId, seller.transfer]));
    // A transfer netted to zero against debt is settled without a Stripe transfer: still the seller's share.
    const eligible = transfers.filter((transfer) =>
      mode === 'net'
        ? transfer.status === 'planned' ||
          (transfer.status === 'paid' && !transfer.stripeTransferId)
        : transfer.status === 'paid',
    );
    const reversedBySeller = await repository.sumReversedBySeller(client, order.id);
    const allocate = input.kind === 'dispute' ? allocateDispute : allocateRefund;
    const remaining = order.total - order.refunded;
    const amount = Math.min(input.amount, remaining);
    const allocation =
      amount > 0
        ? allocate({
            currency: order.currency,
            chargeAmount: order.total,
            transfers: eligible.map((transfer) => ({
              sellerId: transfer.sellerId,
              amount: owed.get(transfer.sellerId) ?? transfer.amount,
              reversed: reversedBySeller.get(transfer.sellerId) ?? 0,
            })),
            refundedBefore: order.refunded,
            amount,
          })
        : { amount: 0, reversals: [], platformShare: 0 };
    const transferBySeller = new Map(eligible.map((transfer) => [transfer.sellerId, transfer]));
    const reversals = [];
    for (const reversal of allocation.reversals) {
      const transfer = transferBySeller.get(reversal.sellerId)!;
      const room =
        mode === 'net'
          ? transfer.status === 'planned'
            ? transfer.amount
            : 0
          : await repository.reversibleRoom(client, transfer);
      const uncovered = Math.max(0, reversal.amount - room);
      reversals.push({
        sellerId: reversal.sellerId,
        transferId: transfer.stripeTransferId ?? transfer.id,
        amount: reversal.amount,
        uncovered,
        transfer,
        // Nothing left to ask Stripe for: settled at once (the debt below is all of it).
        stripeReversalId:
          mode === 'net' ? NETTED : uncovered === reversal.amount ? UNCOVERED : undefined,
      });
    }
    await repository.insertRefund(
      client,
      {
        id: input.id,
        orderId: order.id,
        idempotencyKey: input.idempotencyKey,
        amount: input.amount,
        reason: input.reason,
        status: input.status,
        stripeRefundId: input.stripeRefundId,
        platformShare: allocation.platformShare,
      },
      reversals,
    );
    const debts: (DebtRecord & { added: number })[] = [];
    for (const reversal of reversals) {
      if (mode === 'net' && reversal.amount > reversal.uncovered)
        await repository.netPlannedTransfer(
          client,
          reversal.transfer.id,
          reversal.amount - reversal.uncovered,
        );
      if (reversal.uncovered > 0)
        debts.push(
          await repository.addDebt(client, {
            refundId: input.id,
            sellerId: reversal.sellerId,
            accountId: reversal.transfer.accountId,
            currency: order.currency,
            orderId: order.id,
            amount: reversal.uncovered,
            reversible: 0,
            transferId: null,
            retryAfterMs: null,
          }),
        );
    }
    return debts;
  }

  return {
    async record(order, refund, idempotencyKey) {
      let debts: (DebtRecord & { added: number })[] = [];
      const stored = await store.transaction(async (client) => {
        const locked = await repository.findOrder(client, order.id, { forUpdate: true });
        if (!locked) throw new HttpError('not_found', 'No such order.');
        const existing = await repository.findRefundByStripeId(client, refund.id);
        if (existing) return existing;
        const status =
          refund.status === 'succeeded' ||
          refund.status === 'pending' ||
          refund.status === 'failed' ||
          refund.status === 'canceled'
            ? refund.status
            : 'pending';
        debts = await plan(client, locked, {
          id: refund.id,
          amount: refund.amount,
          kind: 'refund',
          idempotencyKey,
          reason: reasonOf(refund),
          status,
          stripeRefundId: refund.id,
        });
        const refunded = Math.min(locked.total, locked.refunded + refund.amount);
        const orderStatus =
          locked.status === 'disputed' || locked.status === 'dispute_lost'
            ? locked.status
            : refunded >= locked.total
              ? 'refunded'
              : 'partially_refunded';
        await repository.updateOrder(client, locked.id, { refunded, status: orderStatus });
        return (await repository.findRefundByStripeId(client, refund.id))!;
      });
      await announce(debts);
      await reverse(stored.id);
      logger.info(
        { orderId: order.id, refundId: stored.id, amount: stored.amount },
        'Refund recorded',
      );
      return stored;
    },
    async netBeforeTransfers(client, order, refund) {
      if (await repository.findRefundByStripeId(client, refund.id)) return [];
      const locked = (await repository.findOrder(client, order.id, { forUpdate: true }))!;
      const debts = await plan(
        client,
        locked,
        {
          id: refund.id,
          amount: refund.amount,
          kind: 'refund',
          idempotencyKey: `stripe:${refund.id}`,
          reason: reasonOf(refund),
          status: refund.status === 'succeeded' ? 'succeeded' : 'pending',
          stripeRefundId: refund.id,
        },
        'net',
      );
      const refunded = Math.min(locked.total, locked.refunded + refund.amount);
      await repository.updateOrder(client, locked.id, {
        refunded,
        status: refunded >= locked.total ? 'refunded' : 'partially_refunded',
      });
      return debts;
    },
    announceDebts: announce,
    async recordDisputeLoss(order, dispute) {
      if (config.disputeReversals === 'never') return null;
      let debts: (DebtRecord & { added: number })[] = [];
      const stored = await store.transaction(async (client) => {
        const locked = await repository.findOrder(client, order.id, { forUpdate: true });
        if (!locked) return null;
        const existing = await repository.findRefundByKey(client, `dispute:${dispute.id}`);
        if (existing) return existing;
        debts = await plan(client, locked, {
          id: dispute.id,
          amount: dispute.amount,
          kind: 'dispute',
          idempotencyKey: `dispute:${dispute.id}`,
          reason: 'fraudulent',
          status: 'succeeded',
          stripeRefundId: null,
        });
        return repository.findRefundByKey(client, `dispute:${dispute.id}`);
      });
      await announce(debts);
      if (stored) await reverse(stored.id);
      return stored;
    },
  };
}
