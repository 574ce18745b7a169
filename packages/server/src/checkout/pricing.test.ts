import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PricedLine, Pricing } from '../options';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPgliteStore } from '../testing/test-pglite';
import { createStaticPricing } from './pricing';

const catalogue = createStaticPricing({
  vase: { sellerId: 'potter', description: 'Tall vase', amount: 58_000, currency: 'usd' },
  cup: { sellerId: 'potter', description: 'Cup', amount: 1_250, currency: 'usd' },
  saddle: { sellerId: 'rider', description: 'Saddle', amount: 12_000, currency: 'usd' },
});

describe('server-side pricing', () => {
  let harness: Harness;
  // The app's pricing for this file; a test swaps in a broken one to play the app's bug.
  let pricing: Pricing = catalogue;

  beforeAll(async () => {
    harness = await createHarness({
      store: createTestPgliteStore(inject('pgliteTemplate')),
      routerOptions: { pricing: (input) => pricing(input) },
    });
    await harness.onboardSeller('potter');
    await harness.onboardSeller('rider');
  });
  afterAll(async () => {
    await harness?.close();
  });

  const checkout = (body: object) =>
    harness.http.post('/api/checkout').set(harness.as('buyer')).send(body);

  it('charges the catalogue price, whatever the browser would like to pay', async () => {
    const tampered = await checkout({
      currency: 'usd',
      items: [{ itemId: 'vase', quantity: 1, amount: 50 }],
    });
    expect(tampered.status).toBe(400);
    expect(tampered.body.error).toMatchObject({
      code: 'invalid_request',
      param: 'items[0].amount',
    });

    const response = await checkout({
      currency: 'usd',
      items: [
        { itemId: 'vase', quantity: 1 },
        { itemId: 'cup', quantity: 2 },
        { itemId: 'saddle', quantity: 1 },
      ],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const paymentIntent = await harness.stripe.paymentIntents.retrieve(
      response.body.paymentIntentId,
    );
    expect(paymentIntent.amount).toBe(58_000 + 2 * 1_250 + 12_000);
    expect(response.body.breakdown.total).toBe(paymentIntent.amount);
    expect(response.body.breakdown.sellers).toEqual([
      expect.objectContaining({
        sellerId: 'potter',
        subtotal: 60_500,
        lines: [
          { description: 'Tall vase', amount: 58_000, quantity: 1, lineTotal: 58_000 },
          { description: 'Cup', amount: 1_250, quantity: 2, lineTotal: 2_500 },
        ],
      }),
      expect.objectContaining({ sellerId: 'rider', subtotal: 12_000 }),
    ]);
  });

  it('answers an item the catalogue does not sell with 400 unknown_item naming it', async () => {
    const before = harness.counter.writes.length;
    const response = await checkout({
      currency: 'usd',
      items: [
        { itemId: 'cup', quantity: 1 },
        { itemId: 'teapot', quantity: 1 },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'unknown_item', param: 'items[1].itemId' });
    expect(harness.counter.writes.slice(before)).toEqual([]);
  });

  const broken: [string, (line: PricedLine) => PricedLine, RegExp][] = [
    ['a fractional amount', (line) => ({ ...line, amount: 12.5 }), /positive integer/],
    ['a negative amount', (line) => ({ ...line, amount: -100 }), /positive integer/],
    ['an amount as a string', (line) => ({ ...line, amount: '1250' as never }), /positive integer/],
    ['a seller nobody onboarded', (line) => ({ ...line, sellerId: 'ghost' }), /unknown seller/],
    ['an empty description', (line) => ({ ...line, description: '' }), /description/],
    ['another quantity', (line) => ({ ...line, quantity: line.quantity + 1 }), /quantity/],
  ];

  it.each(broken)(
    'refuses a pricing bug (%s) with 500 pricing_invalid, logs why and creates no PaymentIntent',
    async (_name, breakLine, reason) => {
      pricing = async (input) => (await catalogue(input)).map(breakLine);
      try {
        const logged = harness.logs.length;
        const before = harness.counter.writes.length;
        const response = await checkout({
          currency: 'usd',
          items: [{ itemId: 'cup', quantity: 1 }],
        });
        expect(response.status).toBe(500);
        expect(response.body.error.code).toBe('pricing_invalid');
        expect(harness.counter.writes.slice(before)).toEqual([]);
        const lines = harness.logs.slice(logged).join('\n');
        expect(lines).toMatch(reason);
        expect(lines).toMatch(/nothing was charged/);
      } finally {
        pricing = catalogue;
      }
    },
  );

  it('refuses a line for an item nobody asked for as a pricing bug', async () => {
    pricing = async (input) => [
      ...(await catalogue(input)),
      { itemId: 'vase', sellerId: 'potter', description: 'Tall vase', amount: 58_000, quantity: 1 },
    ];
    try {
      const response = await checkout({ currency: 'usd', items: [{ itemId: 'cup', quantity: 1 }] });
      expect(response.status).toBe(500);
      expect(response.body.error.code).toBe('pricing_invalid');
    } finally {
      pricing = catalogue;
    }
  });

  it('hands the pricing function the items, the currency and the signed-in user', async () => {
    const seen: unknown[] = [];
    pricing = (input) => {
      seen.push({ items: input.items, currency: input.currency, user: input.user.userId });
      return catalogue(input);
    };
    try {
      await checkout({ currency: 'usd', items: [{ itemId: 'cup', quantity: 3 }] });
      expect(seen).toEqual([
        { items: [{ itemId: 'cup', quantity: 3 }], currency: 'usd', user: 'buyer' },
      ]);
    } finally {
      pricing = catalogue;
    }
  });
});
