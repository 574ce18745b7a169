import { assertAmount } from '../money/assert-amount';
import { getCurrency, type CurrencyCode } from '../money/currencies';
import { apportion, compareKeys } from '../money/largest-remainder';
import { RefundError } from './refund-error';

export interface TransferState {
  sellerId: string;
  /** Amount originally transferred to the seller for this charge. */
  amount: number;
  /** Amount of that transfer already reversed. */
  reversed: number;
}

export interface AllocateRefundInput {
  currency: CurrencyCode;
  /** The buyer's charge. */
  chargeAmount: number;
  /** One entry per seller paid from the charge. */
  transfers: TransferState[];
  /** Cumulative amount refunded (or disputed) before this one. */
  refundedBefore: number;
  /** This refund's (or dispute's) amount. */
  amount: number;
  policy?: 'proportional';
}

export interface RefundAllocation {
  amount: number;
  /** Transfer reversals to create: sellers with a reversal > 0, sorted by `sellerId`. */
  reversals: Array<{ sellerId: string; amount: number }>;
  /** What the platform bears itself: `amount - sum(reversals)`. */
  platformShare: number;
}

/**
 * Which transfer reversals pay for a refund of a separate-charges-and-transfers charge.
 *
 * Each seller's cumulative reversal is a function of the cumulative refund only, so k partial
 * refunds reverse exactly what one refund of the same total would, and a full refund reverses every
 * transfer fully. The cumulative reversals are the `H` smallest values of `k / transfer` over all
 * sellers and k ≥ 1 (ties by `sellerId`), where `H = floor(sum(transfers) × refunded / charge)`:
 * every seller gets at least `floor(transfer × refunded / charge)` and the remainder goes to the
 * sellers closest to their next unit. This is a divisor (D'Hondt) rounding rather than plain largest
 * remainder because largest remainder can lower a seller's cumulative share when the refunded total
 * grows (the Alabama paradox), which would ask for a negative reversal on a later partial refund.
 */
export function allocateRefund(input: AllocateRefundInput): RefundAllocation {
  return allocate(input, 'refund');
}

/**
 * The same math for a dispute. Under separate charges and transfers Stripe debits a lost dispute from
 * the platform's balance; the reversals are what the platform may claw back from sellers, and
 * `refundedBefore` must include earlier refunds and disputes on the charge. Stripe's dispute fee
 * is not part of this; the platform bears it.
 */
export function allocateDispute(input: AllocateRefundInput): RefundAllocation {
  return allocate(input, 'dispute');
}

function allocate(input: AllocateRefundInput, kind: 'refund' | 'dispute'): RefundAllocation {
  const { currency, chargeAmount, transfers, refundedBefore, amount } = input;
  const { step } = getCurrency(currency);
  if (input.policy !== undefined && input.policy !== 'proportional') {
    throw new RefundError(
      'invalid_request',
      `\`policy\` must be 'proportional', got ${JSON.stringify(input.policy)}.`,
      {
        param: 'policy',
      },
    );
  }
  assertAmount(chargeAmount, currency, { param: 'chargeAmount' });
  assertAmount(refundedBefore, currency, { allowZero: true, param: 'refundedBefore' });
  assertAmount(amount, currency, { param: 'amount' });
  if (!Array.isArray(transfers)) {
    throw new RefundError('invalid_request', '`transfers` must be an array.', {
      param: 'transfers',
    });
  }
  const seen = new Set<string>();
  let transferred = 0;
  transfers.forEach((transfer, index) => {
    const param = `transfers[${index}]`;
    if (typeof transfer?.sellerId !== 'string' || transfer.sellerId === '') {
      throw new RefundError(
        'invalid_request',
        `\`${param}.sellerId\` must be a non-empty string.`,
        {
          param: `${param}.sellerId`,
        },
      );
    }
    if (seen.has(transfer.sellerId)) {
      throw new RefundError(
        'invalid_request',
        `Seller ${JSON.stringify(transfer.sellerId)} appears twice in \`transfers\`; add their transfers together.`,
        { param: `${param}.sellerId` },
      );
    }
    seen.add(transfer.sellerId);
    assertAmount(transfer.amount, currency, { allowZero: true, param: `${param}.amount` });
    assertAmount(transfer.reversed, currency, { allowZero: true, param: `${param}.reversed` });
    if (transfer.reversed > transfer.amount) {
      throw new RefundError(
        'invalid_request',
        `\`${param}.reversed\` (${transfer.reversed}) is more than was transferred (${transfer.amount}).`,
        { param: `${param}.reversed` },
      );
    }
    transferred += transfer.amount;
  });
  if (transferred > chargeAmount) {
    throw new RefundError(
      'invalid_request',
      `The transfers add up to ${transferred}, more than the charge of ${chargeAmount}.`,
      { param: 'transfers' },
    );
  }
  const refunded = refundedBefore + amount;
  if (refunded > chargeAmount) {
    throw new RefundError(
      'refund_exceeds_charge',
      `The ${kind} of ${amount} plus ${refundedBefore} already refunded exceeds the charge of ${chargeAmount}; at most ${Math.max(
        0,
        chargeAmount - refundedBefore,
      )} is left.`,
      { param: 'amount' },
    );
  }

  const sorted = [...transfers].sort((a, b) => compareKeys(a.sellerId, b.sellerId));
  const targets = cumulativeReversals(
    sorted.map((transfer) => transfer.amount / step),
    chargeAmount / step,
    refunded / step,
  );
  // Wanted = target minus what is already reversed. Reversals made outside this function can leave a
  // seller ahead of (nothing more) or behind (catch up, within this refund's amount) the target.
  const wanted = sorted.map((transfer, index) =>
    Math.min(
      Math.max(targets[index]! * step - transfer.reversed, 0),
      transfer.amount - transfer.reversed,
    ),
  );
  const wantedTotal = wanted.reduce((sum, value) => sum + value, 0);
  const amounts =
    wantedTotal <= amount
      ? wanted
      : apportion(
          BigInt(amount / step),
          sorted.map((transfer, index) => ({
            key: transfer.sellerId,
            weight: BigInt(wanted[index]! / step),
          })),
        ).map((units) => Number(units) * step);
  const reversals = sorted
    .map((transfer, index) => ({ sellerId: transfer.sellerId, amount: amounts[index]! }))
    .filter((reversal) => reversal.amount > 0);
  const reversedNow = reversals.reduce((sum, reversal) => sum + reversal.amount, 0);
  return { amount, reversals, platformShare: amount - reversedNow };
}

/** Cumulative reversal per transfer after `refunded` of `charge` is refunded; all in steps. */
function cumulativeReversals(
  transferred: readonly number[],
  charge: number,
  refunded: number,
): number[] {
  // BigInt: transfer × refunded can exceed Number.MAX_SAFE_INTEGER.
  const weights = transferred.map(BigInt);
  const chargeUnits = BigInt(charge);
  const refundedUnits = BigInt(refunded);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0n);
  const house = (totalWeight * refundedUnits) / chargeUnits;
  const result = weights.map((weight) => (weight * refundedUnits) / chargeUnits);
  let missing = house - result.reduce((sum, value) => sum + value, 0n);
  while (missing > 0n) {
    // The next unit goes to the smallest next threshold (result + 1) / weight; ties to the first
    // (smallest) sellerId because `transferred` is sorted by sellerId.
    let best = -1;
    for (let index = 0; index < weights.length; index += 1) {
      const weight = weights[index]!;
      if (weight === 0n) continue;
      if (best === -1 || (result[index]! + 1n) * weights[best]! < (result[best]! + 1n) * weight)
        best = index;
    }
    result[best]! += 1n;
    missing -= 1n;
  }
  return result.map(Number);
}
