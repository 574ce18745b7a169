import { assertAmount } from '../money/assert-amount';
import { getCurrency, MAX_AMOUNT, type CurrencyCode } from '../money/currencies';
import { apportion, compareKeys, roundByLargestRemainder } from '../money/largest-remainder';
import { SplitError } from './split-error';

export interface OrderLine {
  sellerId: string;
  /** Unit price in minor units. */
  amount: number;
  /** Positive integer. */
  quantity: number;
  description?: string;
}

/** Only `basisPoints`, `fixed`, `minimum` and `maximum` may be set per seller; others throw. */
export type SellerFeePolicy = Omit<FeePolicy, 'sellers' | 'custom'>;

export interface FeeContext {
  sellerId: string;
  subtotal: number;
  currency: CurrencyCode;
  orderTotal: number;
}

export interface ProcessingFeePolicy {
  basisPoints: number;
  fixed: number;
  /** `'proportional'` passes the estimate on to sellers in proportion to their subtotals. */
  passThrough: 'none' | 'proportional';
}

/**
 * The platform's fee, taken from each seller's subtotal. Order of operations per seller:
 * basis points of the subtotal (rounded by largest remainder across sellers) + fixed, then
 * `minimum`/`maximum`, then capped at the subtotal.
 */
export interface FeePolicy {
  /** 0..10000 of the seller's subtotal (250 = 2.5 %). */
  basisPoints?: number;
  /** Minor units. */
  fixed?: number;
  /**
   * Where `fixed` applies (default `'seller'`). `'order'` charges one fixed fee for the whole order,
   * apportioned over sellers by subtotal; it can only be set on the top-level policy.
   */
  per?: 'seller' | 'order';
  minimum?: number;
  maximum?: number;
  /** Per-seller overrides of `basisPoints`, `fixed`, `minimum` and `maximum`. */
  sellers?: Record<string, SellerFeePolicy>;
  /**
   * Computes each seller's fee instead of `basisPoints`/`fixed`/`sellers` (which must then be unset);
   * `minimum`/`maximum` and the subtotal cap still apply. Must return a non-negative integer.
   */
  custom?: (context: FeeContext) => number;
  /**
   * Stripe's processing fee estimate, charged to the platform under separate charges and transfers.
   * Defaults to `{ basisPoints: 290, fixed: 30, passThrough: 'none' }` (US card pricing; pass your
   * own for other currencies). The default fixed part is rounded up to the currency's step.
   */
  processingFee?: ProcessingFeePolicy;
}

export interface SplitSeller {
  sellerId: string;
  subtotal: number;
  /** Platform fee taken from this seller. */
  fee: number;
  /** Part of the processing fee estimate passed on to this seller (0 unless `passThrough`). */
  processingFeeShare: number;
  /** `subtotal - fee - processingFeeShare`, never negative. */
  transfer: number;
  /** This seller's lines, in the order given. */
  lines: OrderLine[];
}

export interface SplitAllocation {
  currency: CurrencyCode;
  /** What the buyer is charged. */
  total: number;
  /**
   * What the platform keeps: `total - sum(transfers)`, i.e. platform fees plus any processing fee
   * shares passed on to sellers. The platform pays Stripe's processing fee out of this.
   */
  platformFee: number;
  processingFeeEstimate: number;
  /** Sorted by `sellerId`. */
  sellers: SplitSeller[];
  /** Transfers to create: sellers with `transfer > 0`, sorted by `sellerId`. */
  transfers: Array<{ sellerId: string; amount: number }>;
}

export interface AllocateSplitInput {
  currency: CurrencyCode;
  lines: OrderLine[];
  fees?: FeePolicy;
}

export const MAX_ORDER_LINES = 100;
const DEFAULT_PROCESSING_FEE = { basisPoints: 290, fixed: 30, passThrough: 'none' } as const;
const FEE_FIELDS = ['basisPoints', 'fixed', 'minimum', 'maximum'] as const;

interface SellerDraft {
  sellerId: string;
  subtotal: number;
  lines: OrderLine[];
}

/**
 * Splits one charge into transfers for separate charges and transfers: the platform charges the
 * buyer `total`, transfers each seller's subtotal minus fees, and keeps `platformFee`. Exact:
 * `sum(transfers) + platformFee === total`; the result does not depend on the order of `lines`.
 */
export function allocateSplit(input: AllocateSplitInput): SplitAllocation {
  const { currency } = input;
  const { step } = getCurrency(currency);
  // Subtotals are multiples of `step` because every line amount is.
  const sellers = groupLines(input);
  const total = sellers.reduce((sum, seller) => sum + seller.subtotal, 0);
  const policy = input.fees ?? {};
  validatePolicy(policy, currency, 'fees');

  const fees = computeFees(sellers, policy, currency, total, step);
  const processing = { ...DEFAULT_PROCESSING_FEE, ...policy.processingFee };
  const processingFixed =
    policy.processingFee === undefined
      ? Math.ceil(processing.fixed / step) * step
      : processing.fixed;
  const processingFeeEstimate =
    total === 0
      ? 0
      : Number(
          roundByLargestRemainder(
            [{ key: '', numerator: BigInt(total) * BigInt(processing.basisPoints) }],
            10_000n * BigInt(step),
          )[0]!,
        ) *
          step +
        processingFixed;
  const shares =
    processing.passThrough === 'proportional'
      ? apportion(
          BigInt(processingFeeEstimate / step),
          sellers.map((seller) => ({
            key: seller.sellerId,
            weight: BigInt(seller.subtotal / step),
          })),
        ).map((units) => Number(units) * step)
      : sellers.map(() => 0);

  const allocated = sellers.map((seller, index): SplitSeller => {
    const fee = fees[index]!;
    // Fees never take more than the seller's subtotal; the platform absorbs the rest.
    const processingFeeShare = Math.min(shares[index]!, seller.subtotal - fee);
    return {
      sellerId: seller.sellerId,
      subtotal: seller.subtotal,
      fee,
      processingFeeShare,
      transfer: seller.subtotal - fee - processingFeeShare,
      lines: seller.lines,
    };
  });
  const transfers = allocated
    .filter((seller) => seller.transfer > 0)
    .map((seller) => ({ sellerId: seller.sellerId, amount: seller.transfer }));
  const transferred = transfers.reduce((sum, transfer) => sum + transfer.amount, 0);
  return {
    currency,
    total,
    platformFee: total - transferred,
    processingFeeEstimate,
    sellers: allocated,
    transfers,
  };
}

function groupLines({ currency, lines }: AllocateSplitInput): SellerDraft[] {
  if (!Array.isArray(lines) || lines.length === 0) {
    throw new SplitError('empty_order', 'The order has no lines; add at least one line.', {
      param: 'lines',
    });
  }
  if (lines.length > MAX_ORDER_LINES) {
    throw new SplitError(
      'too_many_lines',
      `The order has ${lines.length} lines; split it into orders of at most ${MAX_ORDER_LINES} lines.`,
      { param: 'lines' },
    );
  }
  const bySeller = new Map<string, SellerDraft>();
  let total = 0;
  lines.forEach((line, index) => {
    const param = `lines[${index}]`;
    if (typeof line?.sellerId !== 'string' || line.sellerId === '') {
      throw new SplitError('invalid_request', `\`${param}.sellerId\` must be a non-empty string.`, {
        param: `${param}.sellerId`,
      });
    }
    assertAmount(line.amount, currency, { allowZero: true, param: `${param}.amount` });
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      throw new SplitError(
        'invalid_quantity',
        `\`${param}.quantity\` must be a positive integer, got ${String(line.quantity)}.`,
        { param: `${param}.quantity` },
      );
    }
    const lineTotal = line.amount * line.quantity;
    total += lineTotal;
    if (lineTotal > MAX_AMOUNT || total > MAX_AMOUNT) {
      throw new SplitError(
        'amount_too_large',
        `The order total exceeds Stripe's maximum of ${MAX_AMOUNT} minor units at ${param}; split the order.`,
        { param },
      );
    }
    const seller = bySeller.get(line.sellerId) ?? {
      sellerId: line.sellerId,
      subtotal: 0,
      lines: [],
    };
    seller.subtotal += lineTotal;
    seller.lines.push(line);
    bySeller.set(line.sellerId, seller);
  });
  return [...bySeller.values()].sort((a, b) => compareKeys(a.sellerId, b.sellerId));
}

function policyError(param: string, message: string): SplitError {
  return new SplitError('invalid_fee_policy', `\`${param}\` ${message}`, { param });
}

function validatePolicy(
  policy: FeePolicy,
  currency: CurrencyCode,
  param: string,
  isOverride = false,
): void {
  if (typeof policy !== 'object' || policy === null) throw policyError(param, 'must be an object.');
  const { step } = getCurrency(currency);
  if (policy.basisPoints !== undefined) {
    const { basisPoints } = policy;
    if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) {
      throw policyError(
        `${param}.basisPoints`,
        `must be an integer from 0 to 10000, got ${String(basisPoints)}.`,
      );
    }
  }
  for (const field of ['fixed', 'minimum', 'maximum'] as const) {
    const value = policy[field];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0 || value > MAX_AMOUNT || value % step !== 0) {
      throw policyError(
        `${param}.${field}`,
        `must be a non-negative integer of minor units${step > 1 ? ` and a multiple of ${step}` : ''}, got ${String(value)}.`,
      );
    }
  }
  if (
    policy.minimum !== undefined &&
    policy.maximum !== undefined &&
    policy.minimum > policy.maximum
  ) {
    throw policyError(
      `${param}.minimum`,
      `(${policy.minimum}) must not be above maximum (${policy.maximum}).`,
    );
  }
  if (policy.per !== undefined && policy.per !== 'seller' && policy.per !== 'order') {
    throw policyError(
      `${param}.per`,
      `must be 'seller' or 'order', got ${JSON.stringify(policy.per)}.`,
    );
  }
  if (isOverride) {
    for (const field of Object.keys(policy)) {
      if (!(FEE_FIELDS as readonly string[]).includes(field)) {
        throw policyError(
          `${param}.${field}`,
          `cannot be overridden per seller; set it on the top-level policy.`,
        );
      }
    }
    return;
  }
  if (policy.sellers !== undefined) {
    if (typeof policy.sellers !== 'object' || policy.sellers === null) {
      throw policyError(`${param}.sellers`, 'must be an object keyed by seller id.');
    }
    for (const [sellerId, override] of Object.entries(policy.sellers)) {
      const overrideParam = `${param}.sellers.${sellerId}`;
      validatePolicy(override, currency, overrideParam, true);
      if (policy.per === 'order' && override.fixed !== undefined) {
        throw policyError(
          `${overrideParam}.fixed`,
          "cannot be set when the fixed fee is per 'order'.",
        );
      }
    }
  }
  if (policy.custom !== undefined) {
    if (typeof policy.custom !== 'function')
      throw policyError(`${param}.custom`, 'must be a function.');
    for (const field of ['basisPoints', 'fixed', 'per', 'sellers'] as const) {
      if (policy[field] !== undefined) {
        throw policyError(
          `${param}.${field}`,
          'cannot be combined with `custom`; compute it inside `custom`.',
        );
      }
    }
  }
  if (policy.processingFee !== undefined) {
    const { basisPoints, fixed, passThrough } = policy.processingFee;
    if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) {
      throw policyError(
        `${param}.processingFee.basisPoints`,
        `must be an integer from 0 to 10000.`,
      );
    }
    if (!Number.isInteger(fixed) || fixed < 0 || fixed > MAX_AMOUNT || fixed % step !== 0) {
      throw policyError(
        `${param}.processingFee.fixed`,
        `must be a non-negative integer of minor units${step > 1 ? ` and a multiple of ${step}` : ''}.`,
      );
    }
    if (passThrough !== 'none' && passThrough !== 'proportional') {
      throw policyError(`${param}.processingFee.passThrough`, "must be 'none' or 'proportional'.");
    }
  }
}

function computeFees(
  sellers: readonly SellerDraft[],
  policy: FeePolicy,
  currency: CurrencyCode,
  total: number,
  step: number,
): number[] {
  const effective = sellers.map((seller) =>
    effectivePolicy(policy, policy.sellers?.[seller.sellerId]),
  );
  let base: number[];
  if (policy.custom !== undefined) {
    const custom = policy.custom;
    base = sellers.map((seller) => {
      const fee = custom({
        sellerId: seller.sellerId,
        subtotal: seller.subtotal,
        currency,
        orderTotal: total,
      });
      if (!Number.isInteger(fee) || fee < 0 || fee > MAX_AMOUNT || fee % step !== 0) {
        throw policyError(
          'fees.custom',
          `returned ${String(fee)} for seller ${JSON.stringify(seller.sellerId)}; return a non-negative integer of minor units${
            step > 1 ? ` that is a multiple of ${step}` : ''
          }.`,
        );
      }
      return fee;
    });
  } else {
    // Percentages are exact fractions of a step; largest remainder makes their sum exact.
    const percentages = roundByLargestRemainder(
      sellers.map((seller, index) => ({
        key: seller.sellerId,
        numerator: BigInt(seller.subtotal) * BigInt(effective[index]!.basisPoints ?? 0),
      })),
      10_000n * BigInt(step),
    );
    const orderFixed =
      policy.per === 'order'
        ? apportion(
            BigInt((policy.fixed ?? 0) / step),
            sellers.map((seller) => ({
              key: seller.sellerId,
              weight: BigInt(seller.subtotal / step),
            })),
          )
        : undefined;
    base = sellers.map((seller, index) => {
      const fixed =
        orderFixed === undefined
          ? seller.subtotal === 0
            ? 0
            : (effective[index]!.fixed ?? 0)
          : Number(orderFixed[index]!) * step;
      return Number(percentages[index]!) * step + fixed;
    });
  }
  return sellers.map((seller, index) => {
    const { minimum = 0, maximum = Number.POSITIVE_INFINITY } = effective[index]!;
    const bounded = Math.min(Math.max(base[index]!, minimum), maximum);
    return Math.min(bounded, seller.subtotal);
  });
}

/** The top-level fee fields with a seller's override on top; `undefined` in an override changes nothing. */
function effectivePolicy(
  policy: FeePolicy,
  override: SellerFeePolicy | undefined,
): Pick<FeePolicy, (typeof FEE_FIELDS)[number]> {
  const result: Pick<FeePolicy, (typeof FEE_FIELDS)[number]> = {};
  for (const field of FEE_FIELDS) {
    const value = override?.[field] ?? policy[field];
    if (value !== undefined) result[field] = value;
  }
  return result;
}
