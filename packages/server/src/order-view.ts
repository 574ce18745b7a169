import type { Order } from '@marketkit/core';
import { isDisputeRecord } from './refunds';
import * as repository from './stores/repository';
import type { OrderRecord } from './stores/repository';
import type { SqlClient } from './stores/store';

/**
 * The contract's `Order`. `onlySellerId` limits the view to one seller's part, for a seller looking at
 * an order they sold into (they never see other sellers' amounts).
 */
export async function buildOrderView(
  client: SqlClient,
  order: OrderRecord,
  options: { onlySellerId?: string } = {},
): Promise<Order> {
  const transfers = await repository.listTransfersForOrder(client, order.id);
  const transferBySeller = new Map(transfers.map((transfer) => [transfer.sellerId, transfer]));
  const refunds = (await repository.listRefundsForOrder(client, order.id)).filter(
    (refund) => !isDisputeRecord(refund),
  );
  const visible = (sellerId: string) =>
    options.onlySellerId === undefined || options.onlySellerId === sellerId;
  const refundViews = await Promise.all(
    refunds.map(async (refund) => ({
      id: refund.id,
      amount: refund.amount,
      reason: refund.reason,
      status: refund.status,
      createdAt: refund.createdAt,
      reversals: (await repository.listReversals(client, refund.id))
        .filter((reversal) => visible(reversal.sellerId))
        .map((reversal) => ({ sellerId: reversal.sellerId, amount: reversal.amount })),
      platformShare: options.onlySellerId === undefined ? refund.platformShare : 0,
    })),
  );
  return {
    id: order.id,
    status: order.status,
    currency: order.currency,
    total: order.total,
    platformFee: options.onlySellerId === undefined ? order.platformFee : 0,
    refunded: order.refunded,
    paymentIntentId: order.paymentIntentId ?? '',
    createdAt: order.createdAt,
    sellers: order.sellers
      .filter((seller) => visible(seller.sellerId))
      .map((seller) => {
        const transfer = transferBySeller.get(seller.sellerId);
        const reversed = transfer?.reversed ?? 0;
        let status: Order['sellers'][number]['transfer']['status'] = transfer?.status ?? 'planned';
        if (transfer?.status === 'paid' && reversed > 0)
          status = reversed >= transfer.amount ? 'reversed' : 'partially_reversed';
        return {
          sellerId: seller.sellerId,
          displayName: seller.displayName,
          subtotal: seller.subtotal,
          fee: seller.fee,
          transferAmount: seller.transfer,
          transfer: { id: transfer?.stripeTransferId ?? null, status, reversed },
          lines: seller.lines.map((line) => ({ ...line, lineTotal: line.amount * line.quantity })),
        };
      }),
    refunds: refundViews,
    dispute: order.dispute,
  };
}
