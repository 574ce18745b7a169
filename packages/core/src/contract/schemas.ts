/**
 * The wire contract between `@marketkit/react` and `@marketkit/server`.
 * Request schemas are strict (unknown fields are rejected); response schemas describe what the server sends.
 * Timestamps are unix seconds, like Stripe's. Amounts are integers in minor units with a lowercase ISO currency.
 */
import { z } from 'zod';
import { ERROR_CODE_LIST } from '../errors';
import { WEEKDAYS } from './constants';
import { MAX_AMOUNT } from '../money';

// ─── Building blocks ────────────────────────────────────────────────────────────

export const CurrencySchema = z
  .string()
  .regex(/^[a-z]{3}$/, { error: 'Use a lowercase three-letter ISO currency code, e.g. "usd".' });

/** A positive amount the caller asks to move. */
export const AmountSchema = z
  .number({ error: 'Amounts are integers in minor units, e.g. 1099 for $10.99.' })
  .int({ error: 'Amounts are integers in minor units; floats are rejected.' })
  .positive({ error: 'The amount must be greater than zero.' })
  .max(MAX_AMOUNT, { error: `The amount must be at most ${MAX_AMOUNT}.` });

export const TimestampSchema = z.number().int();

/** An amount the server reports; balances can be negative. */
export const MoneySchema = z.object({ amount: z.number().int(), currency: CurrencySchema });

export const SeveritySchema = z.enum(['critical', 'warning', 'info']);

/** Query of a cursor-paginated list: up to `limit` items after the `startingAfter` id. */
export const CursorQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  /** The last id of the previous page (its `nextCursor`). */
  startingAfter: z.string().min(1).optional(),
});

/** One page of a cursor-paginated list. */
function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ data: z.array(item), hasMore: z.boolean(), nextCursor: z.string().nullable() });
}

// ─── Accounts and onboarding ────────────────────────────────────────────────────

export const OnboardingStateSchema = z.enum([
  'not_started',
  'in_progress',
  'pending_verification',
  'restricted',
  'enabled',
  'rejected',
]);

export const CapabilityStatusSchema = z.enum(['active', 'inactive', 'pending', 'unrequested']);

export const RequirementsSchema = z.object({
  currentlyDue: z.array(z.string()),
  eventuallyDue: z.array(z.string()),
  pastDue: z.array(z.string()),
  pendingVerification: z.array(z.string()),
  disabledReason: z.string().nullable(),
  currentDeadline: TimestampSchema.nullable(),
  errors: z.array(z.object({ requirement: z.string(), code: z.string(), reason: z.string() })),
});

export const AccountStatusSchema = z.object({
  /** null until the user starts onboarding. */
  accountId: z.string().nullable(),
  state: OnboardingStateSchema,
  country: z.string().nullable(),
  defaultCurrency: CurrencySchema.nullable(),
  detailsSubmitted: z.boolean(),
  chargesEnabled: z.boolean(),
  payoutsEnabled: z.boolean(),
  capabilities: z.object({
    transfers: CapabilityStatusSchema,
    cardPayments: CapabilityStatusSchema,
  }),
  requirements: RequirementsSchema,
  dashboard: z.enum(['express', 'full', 'none']),
});

export const AccountLinkTypeSchema = z.enum(['onboarding', 'update']);
export const AccountLinkRequestSchema = z.strictObject({ type: AccountLinkTypeSchema });
export const AccountLinkResponseSchema = z.object({ url: z.url(), expiresAt: TimestampSchema });

/** The embedded components the server will mint sessions for. */
export const EmbeddedComponentSchema = z.enum([
  'account_onboarding',
  'account_management',
  'notification_banner',
  'payouts',
  'balances',
  'payments',
]);
export const AccountSessionRequestSchema = z.strictObject({
  components: z.array(EmbeddedComponentSchema).min(1).max(6),
});
export const AccountSessionResponseSchema = z.object({
  clientSecret: z.string(),
  expiresAt: TimestampSchema,
});

export const LoginLinkResponseSchema = z.object({ url: z.url() });

// ─── Checkout and orders ────────────────────────────────────────────────────────

export const MAX_CHECKOUT_ITEMS = 100;

/**
 * One thing the buyer wants, by the app's own item id. The browser never sends a price, a seller or a
 * description: the server's `pricing` decides them from the app's catalogue.
 */
export const CheckoutItemSchema = z.strictObject({
  itemId: z.string().min(1).max(200),
  quantity: z
    .number()
    .int({ error: 'Quantities are whole numbers.' })
    .positive({ error: 'Quantities are at least 1.' })
    .max(1000),
});

export const CheckoutRequestSchema = z.strictObject({
  items: z
    .array(CheckoutItemSchema)
    .min(1, { error: 'The cart is empty.' })
    .max(MAX_CHECKOUT_ITEMS, { error: `A checkout has at most ${MAX_CHECKOUT_ITEMS} items.` }),
  currency: CurrencySchema,
});

export const BreakdownLineSchema = z.object({
  description: z.string(),
  amount: z.number().int(),
  quantity: z.number().int(),
  lineTotal: z.number().int(),
});

export const CheckoutBreakdownSchema = z.object({
  currency: CurrencySchema,
  total: z.number().int(),
  /** null when the platform chooses not to show its fee to buyers. */
  platformFee: z.number().int().nullable(),
  sellers: z.array(
    z.object({
      sellerId: z.string(),
      displayName: z.string(),
      subtotal: z.number().int(),
      lines: z.array(BreakdownLineSchema),
    }),
  ),
});

export const CheckoutResponseSchema = z.object({
  orderId: z.string(),
  paymentIntentId: z.string(),
  clientSecret: z.string(),
  breakdown: CheckoutBreakdownSchema,
});

export const OrderStatusSchema = z.enum([
  'awaiting_payment',
  'processing',
  'paid',
  'payment_failed',
  'canceled',
  'partially_refunded',
  'refunded',
  'disputed',
  /** Final: the platform lost the dispute, the customer's bank already returned the money; not refundable. */
  'dispute_lost',
]);

export const TransferStatusSchema = z.enum([
  'planned',
  'in_flight',
  'paid',
  'failed',
  'partially_reversed',
  'reversed',
]);

export const RefundReasonSchema = z.enum(['requested_by_customer', 'duplicate', 'fraudulent']);

export const OrderRefundSchema = z.object({
  id: z.string(),
  amount: z.number().int(),
  reason: RefundReasonSchema,
  status: z.enum(['pending', 'succeeded', 'failed', 'canceled']),
  createdAt: TimestampSchema,
  reversals: z.array(z.object({ sellerId: z.string(), amount: z.number().int() })),
  platformShare: z.number().int(),
});

/** A seller's part of an order, as every order view shows it. */
export const OrderSellerSummarySchema = z.object({
  sellerId: z.string(),
  displayName: z.string(),
  subtotal: z.number().int(),
  fee: z.number().int(),
  transferAmount: z.number().int(),
});

export const OrderSchema = z.object({
  id: z.string(),
  status: OrderStatusSchema,
  currency: CurrencySchema,
  total: z.number().int(),
  platformFee: z.number().int(),
  refunded: z.number().int(),
  paymentIntentId: z.string(),
  createdAt: TimestampSchema,
  sellers: z.array(
    OrderSellerSummarySchema.extend({
      transfer: z.object({
        id: z.string().nullable(),
        status: TransferStatusSchema,
        reversed: z.number().int(),
      }),
      lines: z.array(BreakdownLineSchema),
    }),
  ),
  refunds: z.array(OrderRefundSchema),
  dispute: z
    .object({
      id: z.string(),
      status: z.enum(['needs_response', 'under_review', 'won', 'lost']),
      amount: z.number().int(),
      reason: z.string(),
    })
    .nullable(),
});

/**
 * One row of `GET /orders` for a buyer or an admin: the order without its transfers, refunds and dispute
 * details.
 */
export const OrderSummarySchema = OrderSchema.pick({
  id: true,
  status: true,
  currency: true,
  total: true,
  platformFee: true,
  refunded: true,
  createdAt: true,
}).extend({ sellers: z.array(OrderSellerSummarySchema) });

/**
 * An order as one of its sellers sees it: only their own subtotal, fee, transfer and the reversals taken
 * from it. No order total, no platform fee, no other seller's part or refund.
 */
export const SellerOrderSchema = z.object({
  view: z.literal('seller'),
  id: z.string(),
  status: OrderStatusSchema,
  currency: CurrencySchema,
  createdAt: TimestampSchema,
  seller: OrderSchema.shape.sellers.element,
  /** What refunds and lost disputes took back from this seller's transfer. */
  reversals: z.array(
    z.object({ refundId: z.string(), amount: z.number().int(), createdAt: TimestampSchema }),
  ),
});

/** One row of `GET /orders` for a seller: their own part only. */
export const SellerOrderSummarySchema = SellerOrderSchema.pick({
  view: true,
  id: true,
  status: true,
  currency: true,
  createdAt: true,
}).extend({ seller: OrderSellerSummarySchema, reversed: z.number().int() });

/** `GET /orders/:orderId`: the whole order for its buyer and admins, the seller's part for a seller. */
export const OrderViewSchema = z.union([OrderSchema, SellerOrderSchema]);

export const OrdersQuerySchema = CursorQuerySchema;

/** Newest first; a seller's rows are `SellerOrderSummary`. */
export const OrdersPageSchema = pageOf(z.union([OrderSummarySchema, SellerOrderSummarySchema]));

export const RefundRequestSchema = z.strictObject({
  /** Omit for a full refund of what is left. */
  amount: AmountSchema.optional(),
  reason: RefundReasonSchema,
});

export const RefundResponseSchema = z.object({ refund: OrderRefundSchema, order: OrderSchema });

// ─── Balance and payouts ────────────────────────────────────────────────────────

export const PayoutStatusSchema = z.enum(['paid', 'pending', 'in_transit', 'failed', 'canceled']);
export const PayoutMethodSchema = z.enum(['standard', 'instant']);

export const PayoutSchema = z.object({
  id: z.string(),
  amount: z.number().int(),
  currency: CurrencySchema,
  status: PayoutStatusSchema,
  method: PayoutMethodSchema,
  automatic: z.boolean(),
  arrivalDate: TimestampSchema,
  createdAt: TimestampSchema,
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
});

export const BalanceResponseSchema = z.object({
  available: z.array(MoneySchema),
  pending: z.array(MoneySchema),
  connectReserved: z.array(MoneySchema),
  instantAvailable: z.array(MoneySchema),
  /**
   * Whether "Instant payout" can be offered, decided by the server: `available` needs an external account
   * whose `available_payout_methods` include `instant` and a positive `instant_available` balance.
   */
  instantPayouts: z.enum(['available', 'no_eligible_card', 'no_instant_balance']),
  nextPayout: z
    .object({
      id: z.string(),
      amount: z.number().int(),
      currency: CurrencySchema,
      arrivalDate: TimestampSchema,
      status: PayoutStatusSchema,
    })
    .nullable(),
});

export const PayoutsQuerySchema = CursorQuerySchema;

export const PayoutsPageSchema = pageOf(PayoutSchema);

export const PayoutCreateRequestSchema = z.strictObject({
  /** Omit to pay out the whole available balance in `currency`. */
  amount: AmountSchema.optional(),
  currency: CurrencySchema.optional(),
  method: PayoutMethodSchema.default('standard'),
});

export const WeekdaySchema = z.enum(WEEKDAYS);

export const PayoutScheduleSchema = z.discriminatedUnion('interval', [
  z.strictObject({ interval: z.literal('manual') }),
  z.strictObject({
    interval: z.literal('daily'),
    delayDays: z.number().int().min(2).max(365).optional(),
  }),
  z.strictObject({
    interval: z.literal('weekly'),
    weeklyAnchor: WeekdaySchema,
    delayDays: z.number().int().min(2).max(365).optional(),
  }),
  z.strictObject({
    interval: z.literal('monthly'),
    monthlyAnchor: z.number().int().min(1).max(31),
    delayDays: z.number().int().min(2).max(365).optional(),
  }),
]);

export const PayoutScheduleResponseSchema = z.object({
  schedule: PayoutScheduleSchema,
  /** Whether this user may change the schedule (the platform decides). */
  editable: z.boolean(),
});

// ─── Risk ──────────────────────────────────────────────────────────────────────

export const RiskSignalKindSchema = z.enum([
  /** Onboarding started and not finished: a neutral next step, not a problem. */
  'onboarding_incomplete',
  'requirements_past_due',
  'requirements_due',
  'account_restricted',
  'account_rejected',
  'negative_balance',
  'payout_failed',
  'dispute_open',
  'seller_debt',
]);

/** What the user can do about a signal. `account_update` mints an `update` account link. */
export const RemediationSchema = z.enum([
  'account_update',
  /** An `account_onboarding` link: the seller has not finished setting up. */
  'finish_onboarding',
  'update_bank_account',
  'respond_to_dispute',
  'none',
]);

export const RiskSignalSchema = z.object({
  id: z.string(),
  kind: RiskSignalKindSchema,
  severity: SeveritySchema,
  remediation: RemediationSchema,
  amount: MoneySchema.optional(),
  deadline: TimestampSchema.optional(),
  requirements: z.array(z.string()).optional(),
  reason: z.string().optional(),
  /** The payout or dispute the signal is about (for `seller_debt`, the order it came from). */
  objectId: z.string().optional(),
});

/** What a seller owes the platform: the part of a refund or lost dispute Stripe would not reverse. */
export const SellerDebtSchema = z.object({
  id: z.string(),
  sellerId: z.string(),
  /** Where it came from: a refund of `orderId`, or a dispute on it that the seller lost. */
  source: z.enum(['refund', 'dispute']),
  orderId: z.string(),
  amount: MoneySchema,
  /** Still owed; taken off the seller's next transfers until zero. */
  outstanding: MoneySchema,
  createdAt: TimestampSchema,
  /** Whole days since it was recorded. */
  ageDays: z.number().int().nonnegative(),
});

export const RiskReportSchema = z.object({
  accountId: z.string().nullable(),
  highestSeverity: SeveritySchema.nullable(),
  signals: z.array(RiskSignalSchema),
  generatedAt: TimestampSchema,
});

export const PlatformRiskAccountSchema = z.object({
  accountId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  state: OnboardingStateSchema,
  highestSeverity: SeveritySchema.nullable(),
  signals: z.array(RiskSignalSchema),
  /** Negative balances the platform is liable for, as positive amounts. */
  exposure: z.array(MoneySchema),
});

export const PlatformRiskOverviewSchema = z.object({
  accounts: z.array(PlatformRiskAccountSchema),
  exposure: z.array(MoneySchema),
  platformBalance: z.object({ available: z.array(MoneySchema), pending: z.array(MoneySchema) }),
  /** Transfers planned or in flight that the platform still owes sellers. */
  transfersOwed: z.array(MoneySchema),
  /** Sellers' uncollected debts, oldest first (also counted in `exposure`). */
  debts: z.array(SellerDebtSchema).optional(),
  generatedAt: TimestampSchema,
});

// ─── Errors ────────────────────────────────────────────────────────────────────

export const ErrorCodeSchema = z.enum(ERROR_CODE_LIST);

export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    param: z.string().optional(),
    requestId: z.string().optional(),
  }),
});
