import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocateSplit,
  type FeePolicy,
  type OrderLine,
  type SplitAllocation,
} from './allocate-split';
import { isSplitError } from './split-error';
import { isMoneyError } from '../money/money-error';

const NO_PROCESSING = { basisPoints: 0, fixed: 0, passThrough: 'none' } as const;

function line(sellerId: string, amount: number, quantity = 1): OrderLine {
  return { sellerId, amount, quantity };
}

function errorOf(run: () => unknown): { code: string; param?: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    expect(isMoneyError(error)).toBe(true);
    return error as { code: string; param?: string };
  }
}

function checkInvariants(result: SplitAllocation, step = 1): void {
  const transferred = result.transfers.reduce((sum, transfer) => sum + transfer.amount, 0);
  expect(transferred + result.platformFee).toBe(result.total);
  expect(result.sellers.reduce((sum, seller) => sum + seller.subtotal, 0)).toBe(result.total);
  for (const seller of result.sellers) {
    expect(seller.transfer).toBeGreaterThanOrEqual(0);
    expect(seller.transfer).toBeLessThanOrEqual(seller.subtotal);
    expect(seller.fee).toBeGreaterThanOrEqual(0);
    expect(seller.processingFeeShare).toBeGreaterThanOrEqual(0);
    expect(seller.fee + seller.processingFeeShare + seller.transfer).toBe(seller.subtotal);
    expect(seller.transfer % step).toBe(0);
    expect(seller.fee % step).toBe(0);
  }
  const ids = result.transfers.map((transfer) => transfer.sellerId);
  expect(ids).toEqual([...ids].sort());
  expect(result.transfers.every((transfer) => transfer.amount > 0)).toBe(true);
}

describe('allocateSplit', () => {
  it('transfers each seller their subtotal minus a percentage fee', () => {
    const result = allocateSplit({
      currency: 'usd',
      lines: [line('seller_b', 2500, 2), line('seller_a', 1000), line('seller_b', 500)],
      fees: { basisPoints: 1000, processingFee: NO_PROCESSING },
    });
    expect(result).toMatchObject({
      currency: 'usd',
      total: 6500,
      platformFee: 650,
      processingFeeEstimate: 0,
    });
    expect(result.transfers).toEqual([
      { sellerId: 'seller_a', amount: 900 },
      { sellerId: 'seller_b', amount: 4950 },
    ]);
    expect(result.sellers[1]!.lines).toEqual([line('seller_b', 2500, 2), line('seller_b', 500)]);
    checkInvariants(result);
  });

  it('rounds percentage fees by largest remainder so the platform fee is exact', () => {
    // 3 × 333 at 5 % = 3 × 16.65 = 49.95 → 50 in total: one seller pays the extra cent (the first by id).
    const result = allocateSplit({
      currency: 'usd',
      lines: [line('c', 333), line('a', 333), line('b', 333)],
      fees: { basisPoints: 500, processingFee: NO_PROCESSING },
    });
    expect(result.sellers.map((seller) => seller.fee)).toEqual([17, 17, 16]);
    expect(result.platformFee).toBe(50);
    checkInvariants(result);
  });

  it('adds a fixed fee per seller and applies minimum and maximum', () => {
    const result = allocateSplit({
      currency: 'usd',
      lines: [line('big', 100_000), line('small', 200), line('mid', 10_000)],
      fees: {
        basisPoints: 200,
        fixed: 30,
        minimum: 50,
        maximum: 1_000,
        processingFee: NO_PROCESSING,
      },
    });
    const fees = Object.fromEntries(result.sellers.map((seller) => [seller.sellerId, seller.fee]));
    expect(fees).toEqual({ big: 1_000, mid: 230, small: 50 });
    checkInvariants(result);
  });

  it('apportions a per-order fixed fee over sellers by subtotal', () => {
    const result = allocateSplit({
      currency: 'usd',
      lines: [line('a', 1000), line('b', 2000)],
      fees: { fixed: 100, per: 'order', processingFee: NO_PROCESSING },
    });
    expect(result.sellers.map((seller) => seller.fee)).toEqual([33, 67]);
    expect(result.platformFee).toBe(100);
  });

  it('uses per-seller overrides', () => {
    const result = allocateSplit({
      currency: 'usd',
      lines: [line('partner', 10_000), line('regular', 10_000)],
      fees: {
        basisPoints: 1000,
        sellers: { partner: { basisPoints: 300 } },
        processingFee: NO_PROCESSING,
      },
    });
    expect(result.sellers.map((seller) => seller.fee)).toEqual([300, 1000]);
  });

  it('calls a custom fee function with the seller context', () => {
    const calls: unknown[] = [];
    const result = allocateSplit({
      currency: 'usd',
      lines: [line('a', 1000), line('b', 3000)],
      fees: {
        custom: (context) => {
          calls.push(context);
          return context.subtotal >= 2000 ? 150 : 0;
        },
        processingFee: NO_PROCESSING,
      },
    });
    expect(calls).toEqual([
      { sellerId: 'a', subtotal: 1000, currency: 'usd', orderTotal: 4000 },
      { sellerId: 'b', subtotal: 3000, currency: 'usd', orderTotal: 4000 },
    ]);
    expect(result.transfers).toEqual([
      { sellerId: 'a', amount: 1000 },
      { sellerId: 'b', amount: 2850 },
    ]);
  });

  it('caps fees at the subtotal so no transfer goes negative', () => {
    const result = allocateSplit({
      currency: 'usd',
      lines: [line('tiny', 20), line('normal', 5000)],
      fees: { fixed: 50, processingFee: NO_PROCESSING },
    });
    expect(result.sellers[1]).toMatchObject({ sellerId: 'tiny', fee: 20, transfer: 0 });
    expect(result.transfers).toEqual([{ sellerId: 'normal', amount: 4950 }]);
    checkInvariants(result);
  });

  it('estimates Stripe processing fees at 2.9 % + 30¢ by default, borne by the platform', () => {
    const result = allocateSplit({
      currency: 'usd',
      lines: [line('a', 10_000)],
      fees: { basisPoints: 1000 },
    });
    expect(result.processingFeeEstimate).toBe(320);
    expect(result.transfers).toEqual([{ sellerId: 'a', amount: 9000 }]);
  });

  it('passes the processing fee estimate on to sellers in proportion when asked', () => {
    const result = allocateSplit({
      currency: 'usd',
      lines: [line('a', 1000), line('b', 2000)],
      fees: { processingFee: { basisPoints: 290, fixed: 30, passThrough: 'proportional' } },
    });
    // 2.9 % of 3000 = 87 + 30 = 117, split 1:2.
    expect(result.processingFeeEstimate).toBe(117);
    expect(result.sellers.map((seller) => seller.processingFeeShare)).toEqual([39, 78]);
    expect(result.platformFee).toBe(117);
    checkInvariants(result);
  });

  it('skips transfers for sellers whose lines are free', () => {
    const result = allocateSplit({
      currency: 'usd',
      lines: [line('free', 0, 3), line('paid', 1000)],
      fees: { basisPoints: 1000, fixed: 10 },
    });
    expect(result.sellers[0]).toMatchObject({ sellerId: 'free', subtotal: 0, fee: 0, transfer: 0 });
    expect(result.transfers.map((transfer) => transfer.sellerId)).toEqual(['paid']);
  });

  it('charges nothing for a free order even with a per-order fixed fee', () => {
    const result = allocateSplit({
      currency: 'usd',
      lines: [line('a', 0), line('b', 0, 2)],
      fees: {
        fixed: 100,
        per: 'order',
        processingFee: { basisPoints: 290, fixed: 30, passThrough: 'proportional' },
      },
    });
    expect(result).toMatchObject({
      total: 0,
      platformFee: 0,
      processingFeeEstimate: 0,
      transfers: [],
    });
  });

  it('keeps three-decimal transfers in whole tens', () => {
    const result = allocateSplit({
      currency: 'kwd',
      lines: [line('a', 1230), line('b', 4560), line('c', 10)],
      fees: { basisPoints: 333 },
    });
    checkInvariants(result, 10);
    expect(result.processingFeeEstimate % 10).toBe(0);
  });

  it('rounds the default processing fixed fee up to whole króna', () => {
    const result = allocateSplit({ currency: 'isk', lines: [line('a', 100_000)] });
    expect(result.processingFeeEstimate).toBe(2_900 + 100);
  });

  it.each<[string, Parameters<typeof allocateSplit>[0], string, string?]>([
    ['no lines', { currency: 'usd', lines: [] }, 'empty_order', 'lines'],
    [
      '101 lines',
      { currency: 'usd', lines: Array.from({ length: 101 }, () => line('a', 1)) },
      'too_many_lines',
    ],
    [
      'a zero quantity',
      { currency: 'usd', lines: [line('a', 100, 0)] },
      'invalid_quantity',
      'lines[0].quantity',
    ],
    [
      'a fractional quantity',
      { currency: 'usd', lines: [line('a', 100, 1.5)] },
      'invalid_quantity',
    ],
    [
      'a float amount',
      { currency: 'usd', lines: [line('a', 10.5)] },
      'not_an_integer',
      'lines[0].amount',
    ],
    [
      'a negative amount',
      { currency: 'usd', lines: [line('a', 100), line('a', -1)] },
      'amount_negative',
      'lines[1].amount',
    ],
    [
      'a three-decimal amount not in tens',
      { currency: 'kwd', lines: [line('a', 1234)] },
      'amount_precision',
    ],
    [
      'a total above the maximum',
      { currency: 'usd', lines: [line('a', 60_000_000), line('b', 50_000_000)] },
      'amount_too_large',
    ],
    [
      'a line total above the maximum',
      { currency: 'usd', lines: [line('a', 50_000_000, 3)] },
      'amount_too_large',
    ],
    [
      'an empty seller id',
      { currency: 'usd', lines: [line('', 100)] },
      'invalid_request',
      'lines[0].sellerId',
    ],
    ['an unknown currency', { currency: 'USD', lines: [line('a', 100)] }, 'unsupported_currency'],
  ])('rejects an order with %s', (_name, input, code, param) => {
    const error = errorOf(() => allocateSplit(input));
    expect(error?.code).toBe(code);
    if (param !== undefined) expect(error?.param).toBe(param);
  });

  it.each<[string, FeePolicy, string]>([
    ['basis points above 10000', { basisPoints: 10_001 }, 'fees.basisPoints'],
    ['fractional basis points', { basisPoints: 2.5 }, 'fees.basisPoints'],
    ['a negative fixed fee', { fixed: -1 }, 'fees.fixed'],
    ['minimum above maximum', { minimum: 100, maximum: 50 }, 'fees.minimum'],
    ['an unknown per', { per: 'line' as 'order' }, 'fees.per'],
    ['custom with basis points', { custom: () => 0, basisPoints: 100 }, 'fees.basisPoints'],
    ['an override of per', { sellers: { a: { per: 'order' } } }, 'fees.sellers.a.per'],
    [
      'a seller fixed fee with a per-order fee',
      { per: 'order', fixed: 10, sellers: { a: { fixed: 5 } } },
      'fees.sellers.a.fixed',
    ],
    ['a negative custom fee', { custom: () => -5 }, 'fees.custom'],
    ['a fractional custom fee', { custom: () => 1.5 }, 'fees.custom'],
    [
      'a bad pass-through',
      { processingFee: { basisPoints: 0, fixed: 0, passThrough: 'all' as 'none' } },
      'fees.processingFee.passThrough',
    ],
  ])('rejects a fee policy with %s', (_name, fees, param) => {
    const error = errorOf(() => allocateSplit({ currency: 'usd', lines: [line('a', 1000)], fees }));
    expect(error).toMatchObject({ code: 'invalid_fee_policy', param });
  });

  it('rejects fixed fees that are not whole tens in a three-decimal currency', () => {
    expect(
      errorOf(() =>
        allocateSplit({ currency: 'kwd', lines: [line('a', 1000)], fees: { fixed: 15 } }),
      ),
    ).toMatchObject({
      code: 'invalid_fee_policy',
      param: 'fees.fixed',
    });
  });

  it('throws SplitError for order problems', () => {
    try {
      allocateSplit({ currency: 'usd', lines: [] });
      expect.unreachable();
    } catch (error) {
      expect(isSplitError(error)).toBe(true);
    }
  });
});

const sellerIds = fc.constantFrom('acct_a', 'acct_b', 'acct_c', 'acct_d', 'acct_e');

const policies: fc.Arbitrary<FeePolicy> = fc.record(
  {
    basisPoints: fc.integer({ min: 0, max: 10_000 }),
    fixed: fc.integer({ min: 0, max: 500 }),
    per: fc.constantFrom<'seller' | 'order'>('seller', 'order'),
    minimum: fc.integer({ min: 0, max: 100 }),
    maximum: fc.integer({ min: 100, max: 100_000 }),
    sellers: fc.dictionary(
      sellerIds,
      fc.record({ basisPoints: fc.integer({ min: 0, max: 10_000 }) }, { requiredKeys: [] }),
    ),
    processingFee: fc.record({
      basisPoints: fc.integer({ min: 0, max: 1_000 }),
      fixed: fc.integer({ min: 0, max: 100 }),
      passThrough: fc.constantFrom<'none' | 'proportional'>('none', 'proportional'),
    }),
  },
  { requiredKeys: [] },
);

function scaled(policy: FeePolicy, step: number): FeePolicy {
  const round = (value: number | undefined) => (value === undefined ? undefined : value * step);
  const result: FeePolicy = { ...policy };
  for (const field of ['fixed', 'minimum', 'maximum'] as const) {
    if (policy[field] !== undefined) result[field] = round(policy[field]);
  }
  if (policy.processingFee)
    result.processingFee = { ...policy.processingFee, fixed: policy.processingFee.fixed * step };
  return result;
}

describe('allocateSplit properties', () => {
  for (const [currency, step] of [
    ['usd', 1],
    ['jpy', 1],
    ['kwd', 10],
  ] as const) {
    it(`keeps transfers plus platform fee equal to the total for any order in ${currency}`, () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              sellerId: sellerIds,
              // 12 lines × 5 × 100_000 × step 10 stays under MAX_AMOUNT.
              amount: fc.integer({ min: 0, max: 100_000 }),
              quantity: fc.integer({ min: 1, max: 5 }),
            }),
            { minLength: 1, maxLength: 12 },
          ),
          policies,
          (rawLines, policy) => {
            const lines = rawLines.map((raw) => ({ ...raw, amount: raw.amount * step }));
            checkInvariants(allocateSplit({ currency, lines, fees: scaled(policy, step) }), step);
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('gives the same money to everyone whatever the order of lines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sellerId: sellerIds,
            amount: fc.integer({ min: 0, max: 50_000 }),
            quantity: fc.integer({ min: 1, max: 3 }),
          }),
          {
            minLength: 1,
            maxLength: 10,
          },
        ),
        policies,
        fc.infiniteStream(fc.nat()),
        (lines, policy, randomness) => {
          const shuffled = lines
            .map((value) => ({ value, sort: randomness.next().value }))
            .sort((a, b) => a.sort - b.sort)
            .map(({ value }) => value);
          const strip = (result: SplitAllocation) => ({
            ...result,
            sellers: result.sellers.map(({ lines: _lines, ...seller }) => seller),
          });
          expect(strip(allocateSplit({ currency: 'usd', lines: shuffled, fees: policy }))).toEqual(
            strip(allocateSplit({ currency: 'usd', lines, fees: policy })),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('charges percentage fees within one cent per seller of the exact percentage', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ sellerId: sellerIds, amount: fc.integer({ min: 1, max: 1_000_000 }) }),
          {
            selector: (entry) => entry.sellerId,
            minLength: 1,
          },
        ),
        fc.integer({ min: 0, max: 10_000 }),
        (entries, basisPoints) => {
          const result = allocateSplit({
            currency: 'usd',
            lines: entries.map((entry) => line(entry.sellerId, entry.amount)),
            fees: { basisPoints, processingFee: NO_PROCESSING },
          });
          const exactTotal = entries.reduce(
            (sum, entry) => sum + (entry.amount * basisPoints) / 10_000,
            0,
          );
          expect(Math.abs(result.platformFee - exactTotal)).toBeLessThanOrEqual(0.5 + 1e-9);
          for (const seller of result.sellers) {
            expect(Math.abs(seller.fee - (seller.subtotal * basisPoints) / 10_000)).toBeLessThan(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
