import type { CheckoutItem, FeePolicy } from '@marketkit/core';
import type Stripe from 'stripe';
import type { Logger } from './http/logger';
import type { Store } from './stores/store';

export type UserRole = 'seller' | 'buyer' | 'admin';

export interface AuthenticatedUser {
  userId: string;
  role: UserRole;
  /** Used as the seller's display name in checkout breakdowns when their account is created. */
  displayName?: string;
  email?: string;
}

export interface WorkerOptions {
  /** Transfers executed at the same time (default 4). */
  concurrency?: number;
  /** Worker calls to Stripe per second for the whole platform: every instance on the store shares it (default 20). */
  callsPerSecond?: number;
  /** Attempts before a transfer is marked `failed` (default 8). */
  maxAttempts?: number;
  /** Exponential backoff with full jitter: `min(maxDelayMs, baseDelayMs * 2^attempt)` (defaults 500 ms, 5 min). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Lease of a claimed transfer (default 60 s), renewed while its Stripe call runs; only a dead instance's rows are resumed. */
  leaseSeconds?: number;
  /** How often to look for due rows when idle (default 1000 ms). */
  pollIntervalMs?: number;
  /** Start the worker with the router (default true). Set false to run it elsewhere. */
  autoStart?: boolean;
}

/** A seller's debt: the part of a refund or lost dispute Stripe refused to reverse (minor units). */
export interface DebtEvent {
  debtId: string;
  sellerId: string;
  orderId: string;
  refundId: string;
  amount: number;
  currency: string;
}

export interface MarketkitEventHooks {
  /** Stripe refused a reversal (the seller was paid out): the seller now owes `amount`. */
  onDebtRecorded?: (event: DebtEvent & { accountId: string }) => void | Promise<void>;
  /**
   * Part of a debt was recovered: taken off the seller's transfer for `repaidByOrderId` (`netting`), or
   * reversed from the debt's own order's transfer once the seller had funds (`reversal`).
   */
  onDebtRecovered?: (event: {
    debtId: string;
    sellerId: string;
    repaidByOrderId: string;
    method: 'netting' | 'reversal';
    amount: number;
    currency: string;
  }) => void | Promise<void>;
  onOrderPaid?: (event: {
    orderId: string;
    paymentIntentId: string;
    total: number;
    currency: string;
  }) => void | Promise<void>;
  onTransferPaid?: (event: {
    orderId: string;
    sellerId: string;
    transferId: string;
    amount: number;
    currency: string;
  }) => void | Promise<void>;
  onTransferFailed?: (event: {
    orderId: string;
    sellerId: string;
    amount: number;
    currency: string;
    code: string;
  }) => void | Promise<void>;
  onRefund?: (event: {
    orderId: string;
    refundId: string;
    amount: number;
    currency: string;
  }) => void | Promise<void>;
  onRiskChanged?: (event: { accountId: string; reason: string }) => void | Promise<void>;
}

/** One priced line of a checkout, from the app's own catalogue (never from the browser). */
export interface PricedLine {
  /** The requested item this line prices. */
  itemId: string;
  /** The marketplace user id of the seller (their connected account is looked up from it). */
  sellerId: string;
  /** What the buyer sees in the breakdown. */
  description: string;
  /** Unit price in minor units of the checkout's currency. */
  amount: number;
  quantity: number;
}

export interface PricingInput {
  /** What the buyer asked for: item ids and quantities only. */
  items: readonly Required<CheckoutItem>[];
  currency: string;
  user: AuthenticatedUser;
}

/**
 * Prices a checkout from the app's catalogue: one `PricedLine` per requested item. Throw
 * `new UnknownItemError(itemId)` (or leave the item out) for an item the catalogue does not know.
 */
export type Pricing = (input: PricingInput) => PricedLine[] | Promise<PricedLine[]>;

/**
 * The options both adapters take. `TRequest` is the request `authenticate` receives: the adapter's own
 * (Express's `req` for the router, the standard `Request` for the fetch handler), so a team keeps the
 * session or token lookup it already has.
 */
export interface MarketkitOptions<TRequest> extends MarketkitEventHooks {
  /** A `Stripe` instance with the platform's secret key. */
  stripe: Stripe;
  /** Where state lives; default `createPgliteStore()` (in memory). */
  store?: Store;
  /** Decides what a checkout costs: see `createStaticPricing` for a ready one. Required. */
  pricing: Pricing;
  /** Who is calling. Return null for anonymous requests (they get 401). Required: there is no open default. */
  authenticate: (request: TRequest) => AuthenticatedUser | null | Promise<AuthenticatedUser | null>;
  platform: {
    /** The platform's country (ISO 3166-1 alpha-2), e.g. 'US'. */
    country: string;
    defaultCurrency: string;
    /** Currencies buyers may pay in (default: only `defaultCurrency`). */
    currencies?: string[];
    /** Seller countries the platform may transfer to (default: only `country`). */
    transferCountries?: string[];
    /** Whether checkout breakdowns show the platform fee to buyers (default true). */
    showPlatformFee?: boolean;
  };
  /** The platform's fee policy (core's `FeePolicy`); default: no fee. */
  fees?: FeePolicy;
  urls: {
    /** The public URL where this router is mounted, e.g. 'https://shop.example/api/marketkit'. */
    apiBase: string;
    /** Where a seller lands after onboarding (the return route redirects here with `?onboarding=<state>`). */
    onboardingReturn: string;
    /**
     * Origins whose browsers may call state-changing routes (the CSRF defence); default: the origin of
     * `apiBase`. List every origin your pages are served from, e.g. `['https://shop.example']`.
     */
    allowedOrigins?: string[];
  };
  /**
   * The webhook endpoints' signing secrets (`whsec_…`). Stripe gives each endpoint its own: receiving
   * platform events and connected-account events (`connect: true`) takes two endpoints, so pass both.
   * `stripe listen` signs everything with one secret.
   */
  webhookSecret: string | readonly string[];
  /** Signs the state on account-link return/refresh URLs; default: derived from `webhookSecret`. */
  stateSecret?: string;
  /** Fields merged into `stripe.accounts.create` for new sellers (e.g. a different `controller`). */
  accountDefaults?: Partial<Stripe.AccountCreateParams>;
  worker?: WorkerOptions;
  limits?: {
    /** Largest JSON body accepted (default 32 kB). */
    bodyBytes?: number;
    /** Account links, account sessions and login links each user may mint per window (default 20 per minute). */
    linksPerWindow?: number;
    linkWindowMs?: number;
  };
  /** Whether sellers may change their payout schedule (default true). */
  payoutScheduleEditable?: boolean;
  /** Reverse sellers' transfers for a lost dispute, by the same math as a refund (default 'on_lost'). */
  disputeReversals?: 'on_lost' | 'never';
  /** Webhook signature tolerance in seconds (default 300). */
  webhookToleranceSeconds?: number;
  logger?: Logger;
  /** Unix seconds; override to test expiry. Default: the system clock. */
  now?: () => number;
}

/** `createMarketkitHandler`'s options: `authenticate` gets the standard `Request` (`request.headers.get`, …). */
export type MarketkitHandlerOptions = MarketkitOptions<Request>;
