import { beforeAll, describe, expect, it } from 'vitest';
import { createShapeChecker, findingKey } from './shape-checker';

let checker: ReturnType<typeof createShapeChecker>;
beforeAll(() => {
  checker = createShapeChecker();
}, 60_000);

const keys = (body: unknown) => checker.check(body).map(findingKey);

describe('the shape checker reads the stripe declarations', () => {
  it('reports required fields a body leaves out', () => {
    expect(keys({ object: 'transfer_reversal', id: 'trr_1' })).toContain(
      'TransferReversal missing amount',
    );
  });

  it('reports a JSON type the declaration does not allow', () => {
    const found = checker.check({
      object: 'login_link',
      created: 'yesterday',
      url: 'https://x',
    });
    expect(found).toEqual([
      expect.objectContaining({ objectType: 'LoginLink', kind: 'wrong-type', path: 'created' }),
    ]);
  });

  it('reports an enum value the declaration does not list', () => {
    const transaction = {
      id: 'txn_1',
      object: 'balance_transaction',
      amount: 100,
      available_on: 1,
      balance_type: 'payments',
      created: 1,
      currency: 'usd',
      description: null,
      exchange_rate: null,
      fee: 0,
      fee_details: [],
      net: 100,
      reporting_category: 'charge',
      source: null,
      status: 'available',
      type: 'charge',
    };
    expect(keys(transaction)).toEqual([]);
    expect(keys({ ...transaction, type: 'gift' })).toEqual(['BalanceTransaction enum type']);
  });

  it('attributes nested Stripe objects to their own type and checks list items', () => {
    const list = {
      object: 'list',
      data: [
        {
          object: 'event',
          id: 'evt_1',
          type: 'payout.paid',
          data: { object: { object: 'payout' } },
        },
      ],
      has_more: false,
      url: '/v1/events',
    };
    const found = keys(list);
    expect(found).toContain('Event missing api_version');
    expect(found).toContain('Payout missing amount');
  });

  it('reports a body whose object it has no declaration for', () => {
    expect(keys({ object: 'mystery' })).toEqual(['mystery wrong-type object']);
  });
});
