import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocateDispute,
  allocateRefund,
  type AllocateRefundInput,
  type TransferState,
} from './allocate-refund';
import { isRefundError } from './refund-error';

type Ledger = Array<{ sellerId: string; amount: number; reversed: number }>;

/** Applies refunds one after another, feeding each result back in as Stripe state would be. */
function refundInSteps(
  currency: string,
  chargeAmount: number,
  transfers: Ledger,
  amounts: number[],
) {
  let ledger = transfers.map((transfer) => ({ ...transfer }));
  let refundedBefore = 0;
  const allocations = [];
  for (const amount of amounts) {
    const allocation = allocateRefund({
      currency,
      chargeAmount,
      transfers: ledger,
      refundedBefore,
      amount,
    });
    allocations.push(allocation);
    ledger = ledger.map((transfer) => ({
      ...transfer,
      reversed:
        transfer.reversed +
        (allocation.reversals.find((reversal) => reversal.sellerId === transfer.sellerId)?.amount ??
          0),
    }));
    refundedBefore += amount;
  }
  return { ledger, allocations };
}

function reversedBySeller(ledger: Ledger): Record<string, number> {
  return Object.fromEntries(ledger.map((transfer) => [transfer.sellerId, transfer.reversed]));
}

const ORDER: Ledger = [
  { sellerId: 'acct_b', amount: 4500, reversed: 0 },
  { sellerId: 'acct_a', amount: 900, reversed: 0 },
];

describe('allocateRefund', () => {
  it('reverses transfers in proportion to the refunded share of the charge', () => {
    // 6000 charged, 5400 transferred, half refunded: half of each transfer comes back.
    expect(
      allocateRefund({
        currency: 'usd',
        chargeAmount: 6000,
        transfers: ORDER,
        refundedBefore: 0,
        amount: 3000,
      }),
    ).toEqual({
      amount: 3000,
      reversals: [
        { sellerId: 'acct_a', amount: 450 },
        { sellerId: 'acct_b', amount: 2250 },
      ],
      platformShare: 300,
    });
  });

  it('reverses every transfer fully on a full refund', () => {
    const result = allocateRefund({
      currency: 'usd',
      chargeAmount: 6000,
      transfers: ORDER,
      refundedBefore: 0,
      amount: 6000,
    });
    expect(result.reversals).toEqual([
      { sellerId: 'acct_a', amount: 900 },
      { sellerId: 'acct_b', amount: 4500 },
    ]);
    expect(result.platformShare).toBe(600);
  });

  it('reverses the rest of every transfer when the last partial refund completes the charge', () => {
    const { ledger } = refundInSteps('usd', 6000, ORDER, [1001, 333, 2666, 2000]);
    expect(reversedBySeller(ledger)).toEqual({ acct_a: 900, acct_b: 4500 });
  });

  it('ends at the same reversals whether refunded at once or in parts', () => {
    const once = refundInSteps('usd', 6000, ORDER, [4001]).ledger;
    const inParts = refundInSteps('usd', 6000, ORDER, [1, 1000, 3000]).ledger;
    expect(reversedBySeller(inParts)).toEqual(reversedBySeller(once));
  });

  it('never asks a seller to give money back on a later partial refund (Alabama paradox)', () => {
    // Plain largest remainder would reverse [1, 1, 1] after 3 and [0, 2, 2] after 4: a negative reversal.
    const transfers = [
      { sellerId: 'a', amount: 1, reversed: 0 },
      { sellerId: 'b', amount: 3, reversed: 0 },
      { sellerId: 'c', amount: 3, reversed: 0 },
    ];
    const { allocations, ledger } = refundInSteps('jpy', 7, transfers, [3, 1, 3]);
    expect(allocations[0]!.reversals).toEqual([
      { sellerId: 'b', amount: 2 },
      { sellerId: 'c', amount: 1 },
    ]);
    expect(allocations[1]!.reversals).toEqual([{ sellerId: 'c', amount: 1 }]);
    expect(reversedBySeller(ledger)).toEqual({ a: 1, b: 3, c: 3 });
  });

  it('lets the platform bear refunds of its own fee when nothing was transferred', () => {
    expect(
      allocateRefund({
        currency: 'usd',
        chargeAmount: 1000,
        transfers: [],
        refundedBefore: 0,
        amount: 400,
      }),
    ).toEqual({ amount: 400, reversals: [], platformShare: 400 });
  });

  it('catches up a seller who was under-reversed earlier, within this refund', () => {
    const result = allocateRefund({
      currency: 'usd',
      chargeAmount: 1000,
      transfers: [
        { sellerId: 'a', amount: 500, reversed: 0 },
        { sellerId: 'b', amount: 500, reversed: 250 },
      ],
      refundedBefore: 500,
      amount: 100,
    });
    // Targets after 600 of 1000: 300 each. a wants 300, b wants 50, but only 100 is refunded now.
    expect(result.reversals.reduce((sum, reversal) => sum + reversal.amount, 0)).toBe(100);
    expect(result.platformShare).toBe(0);
    expect(result.reversals).toEqual([
      { sellerId: 'a', amount: 86 },
      { sellerId: 'b', amount: 14 },
    ]);
  });

  it('does not reverse more for a seller who was already reversed beyond their share', () => {
    const result = allocateRefund({
      currency: 'usd',
      chargeAmount: 1000,
      transfers: [
        { sellerId: 'a', amount: 500, reversed: 500 },
        { sellerId: 'b', amount: 500, reversed: 0 },
      ],
      refundedBefore: 0,
      amount: 200,
    });
    expect(result).toEqual({
      amount: 200,
      reversals: [{ sellerId: 'b', amount: 100 }],
      platformShare: 100,
    });
  });

  it('keeps three-decimal reversals in whole tens', () => {
    const result = allocateRefund({
      currency: 'kwd',
      chargeAmount: 10_000,
      transfers: [
        { sellerId: 'a', amount: 3_330, reversed: 0 },
        { sellerId: 'b', amount: 6_660, reversed: 0 },
      ],
      refundedBefore: 0,
      amount: 1_010,
    });
    expect(result.reversals.every((reversal) => reversal.amount % 10 === 0)).toBe(true);
    expect(result.platformShare % 10).toBe(0);
  });

  it.each<[string, Partial<AllocateRefundInput>, string, string?]>([
    [
      'a refund above what is left',
      { refundedBefore: 5000, amount: 1001 },
      'refund_exceeds_charge',
      'amount',
    ],
    ['a zero refund', { amount: 0 }, 'amount_zero', 'amount'],
    ['a float refund', { amount: 10.5 }, 'not_an_integer', 'amount'],
    ['a negative earlier refund', { refundedBefore: -1 }, 'amount_negative', 'refundedBefore'],
    ['transfers above the charge', { chargeAmount: 5000 }, 'invalid_request', 'transfers'],
    [
      'a reversal above its transfer',
      { transfers: [{ sellerId: 'a', amount: 100, reversed: 101 }] },
      'invalid_request',
      'transfers[0].reversed',
    ],
    [
      'a seller listed twice',
      {
        transfers: [
          { sellerId: 'a', amount: 100, reversed: 0 },
          { sellerId: 'a', amount: 100, reversed: 0 },
        ],
      },
      'invalid_request',
      'transfers[1].sellerId',
    ],
    [
      'an unknown policy',
      { policy: 'seller-first' as 'proportional' },
      'invalid_request',
      'policy',
    ],
    ['an unknown currency', { currency: 'EUR' }, 'unsupported_currency'],
  ])('rejects %s', (_name, overrides, code, param) => {
    const input: AllocateRefundInput = {
      currency: 'usd',
      chargeAmount: 6000,
      transfers: ORDER,
      refundedBefore: 0,
      amount: 1000,
      ...overrides,
    };
    try {
      allocateRefund(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code });
      if (param !== undefined) expect(error).toMatchObject({ param });
    }
  });

  it('throws RefundError with the amount left to refund', () => {
    try {
      allocateRefund({
        currency: 'usd',
        chargeAmount: 6000,
        transfers: ORDER,
        refundedBefore: 5500,
        amount: 600,
      });
      expect.unreachable();
    } catch (error) {
      expect(isRefundError(error)).toBe(true);
      expect((error as Error).message).toContain('at most 500 is left');
    }
  });
});

describe('allocateDispute', () => {
  it('claws back from sellers with the same math as a refund', () => {
    const input = {
      currency: 'usd',
      chargeAmount: 6000,
      transfers: ORDER,
      refundedBefore: 1000,
      amount: 5000,
    };
    expect(allocateDispute(input)).toEqual(allocateRefund(input));
  });

  it('names the dispute when it exceeds the charge', () => {
    expect(() =>
      allocateDispute({
        currency: 'usd',
        chargeAmount: 6000,
        transfers: ORDER,
        refundedBefore: 2000,
        amount: 5000,
      }),
    ).toThrow(/dispute of 5000/);
  });
});

const orders = (step: number) =>
  fc
    .record({
      transfers: fc.uniqueArray(
        fc.record({
          sellerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
          // 6 × 1_000_000 × step 10 + platform fee stays under MAX_AMOUNT.
          amount: fc.integer({ min: 0, max: 1_000_000 }),
        }),
        { selector: (transfer) => transfer.sellerId, maxLength: 6 },
      ),
      platformFee: fc.integer({ min: 0, max: 100_000 }),
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
    })
    .filter(
      ({ transfers, platformFee }) =>
        transfers.reduce((sum, transfer) => sum + transfer.amount, 0) + platformFee > 0,
    )
    .map(({ transfers, platformFee, cuts }) => {
      const ledger: TransferState[] = transfers.map((transfer) => ({
        ...transfer,
        amount: transfer.amount * step,
        reversed: 0,
      }));
      const chargeAmount =
        ledger.reduce((sum, transfer) => sum + transfer.amount, 0) + platformFee * step;
      // Refund points: sorted cut points of the charge, in whole steps, deduplicated.
      const units = chargeAmount / step;
      const points = [...new Set(cuts.map((cut) => Math.max(1, Math.round(cut * units))))].sort(
        (a, b) => a - b,
      );
      const amounts = points.map((point, index) => (point - (points[index - 1] ?? 0)) * step);
      return { ledger, chargeAmount, amounts };
    });

describe('allocateRefund properties', () => {
  for (const [currency, step] of [
    ['usd', 1],
    ['jpy', 1],
    ['kwd', 10],
  ] as const) {
    it(`keeps every partial refund exact and bounded in ${currency}`, () => {
      fc.assert(
        fc.property(orders(step), ({ ledger, chargeAmount, amounts }) => {
          let state = ledger;
          let refundedBefore = 0;
          for (const amount of amounts) {
            const result = allocateRefund({
              currency,
              chargeAmount,
              transfers: state,
              refundedBefore,
              amount,
            });
            const reversed = result.reversals.reduce((sum, reversal) => sum + reversal.amount, 0);
            expect(reversed + result.platformShare).toBe(amount);
            expect(result.platformShare).toBeGreaterThanOrEqual(0);
            expect(result.platformShare % step).toBe(0);
            for (const reversal of result.reversals) {
              const transfer = state.find((entry) => entry.sellerId === reversal.sellerId)!;
              expect(reversal.amount).toBeGreaterThan(0);
              expect(reversal.amount % step).toBe(0);
              expect(transfer.reversed + reversal.amount).toBeLessThanOrEqual(transfer.amount);
            }
            state = state.map((transfer) => ({
              ...transfer,
              reversed:
                transfer.reversed +
                (result.reversals.find((entry) => entry.sellerId === transfer.sellerId)?.amount ??
                  0),
            }));
            refundedBefore += amount;
            // Cumulative reversals stay within one step below the exact proportional share.
            for (const transfer of state) {
              const exact = (transfer.amount * refundedBefore) / chargeAmount;
              expect(transfer.reversed).toBeGreaterThanOrEqual(Math.floor(exact / step) * step);
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('reaches the same reversals in k partial refunds as in one refund of the same total', () => {
    fc.assert(
      fc.property(orders(1), ({ ledger, chargeAmount, amounts }) => {
        const total = amounts.reduce((sum, amount) => sum + amount, 0);
        const inParts = refundInSteps('usd', chargeAmount, ledger, amounts).ledger;
        const once = refundInSteps('usd', chargeAmount, ledger, [total]).ledger;
        expect(reversedBySeller(inParts)).toEqual(reversedBySeller(once));
        if (total === chargeAmount) {
          expect(inParts.every((transfer) => transfer.reversed === transfer.amount)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of transfers', () => {
    fc.assert(
      fc.property(orders(1), ({ ledger, chargeAmount, amounts }) => {
        const input = { currency: 'usd', chargeAmount, refundedBefore: 0, amount: amounts[0]! };
        expect(allocateRefund({ ...input, transfers: [...ledger].reverse() })).toEqual(
          allocateRefund({ ...input, transfers: ledger }),
        );
      }),
      { numRuns: 200 },
    );
  });
});
