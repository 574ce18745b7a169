import type { Order, OrderSummary, SellerOrder, SellerOrderSummary } from '@marketkit/core';
import * as repository from '../stores/repository';
import type { OrderRecord, OrderSellerRecord, TransferRecord } from '../stores/repository';
import type { SqlClient } from '../stores/store';

const sellerSummary = (seller: OrderSellerRecord) => ({
  sellerId: seller.sellerId,
  displayName: seller.displayName,
  subtotal: seller.subtotal,
  fee: seller.fee,
  transferAmount: seller.transfer,
});

function sellerPart(seller: OrderSellerRecord, transfer: TransferRecord | undefined) {
  const reversed = transfer?.reversed ?? 0;
  let status: Order['sellers'][number]['transfer']['status'] = transfer?.status ?? 'planned';
  if (transfer?.status === 'paid' && reversed > 0)
    status = reversed >= transfer.amount ? 'reversed' : 'partially_reversed';
  return {
    ...sellerSummary(seller),
    transfer: { id: transfer?.stripeTransferId ?? null, status, reversed },
    lines: seller.lines.map((line) => ({ ...line, lineTotal: line.amount * line.quantity })),
  };
}

/** What a seller's views show of the order itself: no figure about the whole order. */
const sellerViewOf = (order: OrderRecord) => ({
  view: 'seller' as const,
  id: order.id,
  status: order.status,
  currency: order.currency,
  createdAt: order.createdAt,
});

/** The contract's `Order`: the whole order, for its buyer and for admins. */
export async function buildOrderView(client: SqlClient, order: OrderRecord): Promise<Order> {
  const transfers = await repository.listTransfersForOrder(client, order.id);
  const transferBySeller = new Map(transfers.map((transfer) => [transfer.sellerId, transfer]));
  const refunds = (await repository.listRefundsForOrder(client, order.id)).filter(
    (refund) => !repository.isDisputeRecord(refund),
  );
  const reversals = await repository.listReversalsForOrder(client, order.id);
  return {
    ...toOrderSummary(order),
    paymentIntentId: order.paymentIntentId ?? '',
    sellers: order.sellers.map((seller) =>
      sellerPart(seller, transferBySeller.get(seller.sellerId)),
    ),
    refunds: refunds.map((refund) => ({
      id: refund.id,
      amount: refund.amount,
      reason: refund.reason,
      status: refund.status,
      createdAt: refund.createdAt,
      reversals: reversals
        .filter((reversal) => reversal.refundId === refund.id)
        .map((reversal) => ({ sellerId: reversal.sellerId, amount: reversal.amount })),
      platformShare: refund.platformShare,
    })),
    dispute: order.dispute,
  };
}

/**
 * An order as one seller sees it: their own subtotal, fee, transfer and the reversals taken from it.
 * Nothing about the order's total, the platform's fee or other sellers (they could work out each
 * other's takings from it).
 */
export async function buildSellerOrderView(
  client: SqlClient,
  order: OrderRecord,
  sellerId: string,
): Promise<SellerOrder> {
  const seller = order.sellers.find((candidate) => candidate.sellerId === sellerId)!;
  const transfer = (await repository.listTransfersForOrder(client, order.id)).find(
    (candidate) => candidate.sellerId === sellerId,
  );
  const reversals = await repository.listReversalsForOrder(client, order.id);
  return {
    ...sellerViewOf(order),
    seller: sellerPart(seller, transfer),
    reversals: reversals
      .filter((reversal) => reversal.sellerId === sellerId)
      .map((reversal) => ({
        refundId: reversal.refundId,
        amount: reversal.amount,
        createdAt: reversal.createdAt,
      })),
  };
}

/** A list row for a buyer or an admin. */
export function toOrderSummary(order: OrderRecord): OrderSummary {
  return {
    id: order.id,
    status: order.status,
    currency: order.currency,
    total: order.total,
    platformFee: order.platformFee,
    refunded: order.refunded,
    createdAt: order.createdAt,
    sellers: order.sellers.map(sellerSummary),
  };
}

/** A list row for a seller: their own part and what was reversed from it. */
export function toSellerOrderSummary(
  order: OrderRecord,
  sellerId: string,
  reversed: number,
): SellerOrderSummary {
  const seller = order.sellers.find((candidate) => candidate.sellerId === sellerId)!;
  return {
    ...sellerViewOf(order),
    seller: sellerSummary(seller),
    reversed,
  };
}
