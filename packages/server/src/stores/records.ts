// The records the queries read and write, and the row helpers they share.

export interface StoredAccountSnapshot {
  id: string;
  country: string | null;
  default_currency: string | null;
  details_submitted: boolean;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  capabilities: { transfers?: string | null; card_payments?: string | null };
  requirements: {
    currently_due: string[];
    eventually_due: string[];
    past_due: string[];
    pending_verification: string[];
    disabled_reason: string | null;
    current_deadline: number | null;
    errors: { requirement: string; code: string; reason: string }[];
  };
  dashboard: 'express' | 'full' | 'none';
}

export interface AccountRecord {
  userId: string;
  accountId: string | null;
  displayName: string;
  email: string | null;
  country: string | null;
  status: StoredAccountSnapshot | null;
}

export interface OrderSellerRecord {
  sellerId: string;
  accountId: string;
  displayName: string;
  subtotal: number;
  fee: number;
  transfer: number;
  lines: { description: string; amount: number; quantity: number }[];
}

export type OrderStatus =
  | 'awaiting_payment'
  | 'processing'
  | 'paid'
  | 'payment_failed'
  | 'canceled'
  | 'partially_refunded'
  | 'refunded'
  | 'disputed'
  | 'dispute_lost';

export interface DisputeRecord {
  id: string;
  status: 'needs_response' | 'under_review' | 'won' | 'lost';
  amount: number;
  reason: string;
}

export interface OrderRecord {
  id: string;
  buyerUserId: string;
  currency: string;
  total: number;
  platformFee: number;
  status: OrderStatus;
  paymentIntentId: string | null;
  chargeId: string | null;
  refunded: number;
  dispute: DisputeRecord | null;
  sellers: OrderSellerRecord[];
  createdAt: number;
}

export type TransferStatus = 'planned' | 'in_flight' | 'paid' | 'failed';

export interface TransferRecord {
  id: string;
  orderId: string;
  sellerId: string;
  accountId: string;
  amount: number;
  currency: string;
  status: TransferStatus;
  sourceTransaction: string;
  stripeTransferId: string | null;
  reversed: number;
  attempts: number;
  lastError: string | null;
  /** Fencing token of the current claim: only its holder may settle the row. */
  fence: number;
  /** Bumped when Stripe saved a 500 for the key: the next call goes out under a fresh key. */
  keyGeneration: number;
}

export interface RefundRecord {
  id: string;
  orderId: string;
  idempotencyKey: string;
  amount: number;
  reason: 'requested_by_customer' | 'duplicate' | 'fraudulent';
  status: 'pending' | 'succeeded' | 'failed' | 'canceled';
  stripeRefundId: string | null;
  platformShare: number;
  createdAt: number;
}

export interface ReversalRecord {
  refundId: string;
  sellerId: string;
  transferId: string;
  amount: number;
  stripeReversalId: string | null;
}

// pg returns JSON columns parsed and integers as numbers; PGlite does the same. Dates are read as epoch.
export type Row = Record<string, unknown>;
export const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
export const integer = (value: unknown): number => Number(value ?? 0);
export const json = <T>(value: unknown): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : (value as T);
