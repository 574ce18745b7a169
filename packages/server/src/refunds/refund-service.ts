import { allocateDispute, allocateRefund } from '@marketkit/core';
import Stripe from 'stripe';
import { HttpError } from '../http/errors';
import type { MarketkitConfig } from '../parse-options';
import * as repository from '../stores/repository';
import type { OrderRecord, RefundRecord } from '../stores/repository';
import type { SqlClient } from '../stores/store';

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
  netBeforeTransfers(client: SqlClient, order: OrderRecord, refund: Stripe.Refund): Promise<void>;
  /** Records the reversals a lost dispute claws back from sellers, once per dispute. */
  recordDisputeLoss(order: OrderRecord, dispute: Stripe.Dispute): Promise<RefundRecord | null>;
  /** Creates the reversals of a recorded refund that are not done yet (idempotent, resumable). */
  executeReversals(refundId: string): Promise<void>;
  /** Finishes reversals a crashed process left behind. */
  resume(): Promise<void>;
}

/** Stripe refuses a reversal the destination's available balance cannot cover. */
const isBalanceInsufficient = (error: unknown) =>
  error instanceof Stripe.errors.StripeError && error.code === 'balance_insufficient';

/** Marks a reversal taken off a transfer before it was made (no Stripe reversal exists). */
export const NETTED = 'netted';

function reasonOf(refund: Stripe.Refund): RefundReason {
  const reason: string | null = refund.reason;
  return reason === 'duplicate' || reason === 'fraudulent' ? reason : 'requested_by_customer';
}

export function createRefundService(config: MarketkitConfig): RefundService {
  const { store, stripe, logger } = config;

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
  ): Promise<void> {
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
    const eligible = transfers.filter((transfer) =>
      mode === 'net' ? transfer.status === 'planned' : transfer.status === 'paid',
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
      allocation.reversals.map((reversal) => {
        const transfer = transferBySeller.get(reversal.sellerId)!;
        return mode === 'net'
          ? {
              sellerId: reversal.sellerId,
              transferId: transfer.id,
              amount: reversal.amount,
              stripeReversalId: NETTED,
            }
          : {
              sellerId: reversal.sellerId,
              transferId: transfer.stripeTransferId!,
              amount: reversal.amount,
            };
      }),
    );
    if (mode === 'net') {
      for (const reversal of allocation.reversals) {
        await repository.netPlannedTransfer(
          client,
          transferBySeller.get(reversal.sellerId)!.id,
          reversal.amount,
        );
      }
    }
  }

  async function executeReversals(refundId: string): Promise<void> {
    const reversals = await repository.listReversals(store, refundId);
    for (const reversal of reversals) {
      if (reversal.stripeReversalId) continue;
      let result: Stripe.TransferReversal;
      try {
        result = await stripe.transfers.createReversal(
          reversal.transferId,
          {
            amount: reversal.amount,
            metadata: { marketkit_refund_id: refundId, marketkit_seller_id: reversal.sellerId },
          },
          { idempotencyKey: `reversal:${refundId}:${reversal.sellerId}` },
        );
      } catch (error) {
        if (!isBalanceInsufficient(error)) throw error;
        // The seller was paid out: Stripe refuses a reversal their balance cannot cover, and the
        // platform has covered the refund. The seller now owes it, recorded in the same transaction
        // that settles the reversal, and repaid from their next transfers.
        const debt = await store.transaction((client) =>
          repository.recordRefusedReversal(client, refundId, reversal.sellerId),
        );
        if (debt) {
          logger.warn(
            { refundId, sellerId: debt.sellerId, amount: debt.amount, currency: debt.currency },
            'Reversal refused for insufficient balance; recorded as seller debt',
          );
          await config.hooks.onDebtRecorded?.({
            debtId: debt.id,
            sellerId: debt.sellerId,
            accountId: debt.accountId,
            orderId: debt.orderId,
            refundId: debt.refundId,
            amount: debt.amount,
            currency: debt.currency,
          });
        }
        continue;
      }
      await store.transaction((client) =>
        repository.completeReversal(client, refundId, reversal.sellerId, result.id),
      );
    }
  }

  return {
    async record(order, refund, idempotencyKey) {
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
        await plan(client, locked, {
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
      await executeReversals(stored.id);
      logger.info(
        { orderId: order.id, refundId: stored.id, amount: stored.amount },
        'Refund recorded',
      );
      return stored;
    },
    async netBeforeTransfers(client, order, refund) {
      if (await repository.findRefundByStripeId(client, refund.id)) return;
      const locked = (await repository.findOrder(client, order.id, { forUpdate: true }))!;
      await plan(
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
    },
    async recordDisputeLoss(order, dispute) {
      if (config.disputeReversals === 'never') return null;
      const stored = await store.transaction(async (client) => {
        const locked = await repository.findOrder(client, order.id, { forUpdate: true });
        if (!locked) return null;
        const existing = await repository.findRefundByKey(client, `dispute:${dispute.id}`);
        if (existing) return existing;
        await plan(client, locked, {
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
      if (stored) await executeReversals(stored.id);
      return stored;
    },
    executeReversals,
    async resume() {
      for (const refund of await repository.listRefundsWithPendingReversals(store)) {
        await executeReversals(refund.id).catch((error: unknown) =>
          logger.warn(
            { refundId: refund.id, error: error instanceof Error ? error.name : 'error' },
            'Reversals will be resumed later',
          ),
        );
      }
    },
  };
}
