// The honest baseline for POST /checkout: the route a team would write without MarketKit, with Express,
// the `stripe` SDK and `pg`, doing the same work — JSON body, validation, pricing from a catalogue,
// a PaymentIntent with an idempotency key fixed before the call, the order stored in PostgreSQL.
// Args: sandbox port, secret key, PostgreSQL connection string.
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import express from 'express';
import pg from 'pg';
import Stripe from 'stripe';
import { z } from 'zod';

// Same as the router process: a built server runs without source-mapped stacks.
process.setSourceMapsEnabled(false);

const [port, secretKey, postgresUrl] = process.argv.slice(2) as [string, string, string];
const stripe = new Stripe(secretKey, {
  host: '127.0.0.1',
  port: Number(port),
  protocol: 'http',
  maxNetworkRetries: 0,
  httpAgent: new Agent({ keepAlive: true }),
});
const pool = new pg.Pool({ connectionString: postgresUrl, max: 10 });
// Indexed like MarketKit's orders: by id, by PaymentIntent, newest first, per buyer.
await pool.query(`
  create table if not exists handwritten_orders (
    id text primary key,
    buyer_user_id text not null,
    currency text not null,
    total integer not null,
    platform_fee integer not null,
    status text not null,
    payment_intent_id text unique,
    sellers jsonb not null,
    created_at timestamptz not null default now()
  );
  create index if not exists handwritten_orders_newest on handwritten_orders (created_at desc, id desc);
  create index if not exists handwritten_orders_buyer on handwritten_orders (buyer_user_id, created_at desc, id desc);
`);

// The catalogue knows each seller's connected account, as a team's own products table would.
const catalogue = new Map(
  JSON.parse(process.env.BENCH_CATALOGUE ?? '[]') as [
    string,
    { sellerId: string; accountId: string; description: string; amount: number; currency: string },
  ][],
);
const FEE_BASIS_POINTS = 1000;

const CheckoutBody = z.strictObject({
  currency: z.enum(['usd']),
  items: z
    .array(
      z.strictObject({
        itemId: z.string().min(1).max(200),
        quantity: z.number().int().min(1).max(99),
      }),
    )
    .min(1)
    .max(100),
});

const app = express();
app.get('/_bench/cpu', (_request, response) => {
  const usage = process.cpuUsage();
  response.json({ microseconds: usage.user + usage.system });
});
app.post('/api/checkout', express.json({ limit: '100kb' }), async (request, response) => {
  const buyer = request.get('x-user');
  if (!buyer) return void response.status(401).json({ error: { code: 'unauthenticated' } });
  const parsed = CheckoutBody.safeParse(request.body);
  if (!parsed.success)
    return void response
      .status(400)
      .json({ error: { code: 'invalid_request', message: parsed.error.message } });
  const { currency, items } = parsed.data;
  const sellers = new Map<
    string,
    { sellerId: string; accountId: string; subtotal: number; lines: unknown[] }
  >();
  const seen = new Set<string>();
  for (const item of items) {
    const entry = catalogue.get(item.itemId);
    if (!entry || entry.currency !== currency || seen.has(item.itemId))
      return void response.status(400).json({ error: { code: 'unknown_item' } });
    seen.add(item.itemId);
    const seller = sellers.get(entry.sellerId) ?? {
      sellerId: entry.sellerId,
      accountId: entry.accountId,
      subtotal: 0,
      lines: [],
    };
    seller.subtotal += entry.amount * item.quantity;
    seller.lines.push({
      description: entry.description,
      amount: entry.amount,
      quantity: item.quantity,
    });
    sellers.set(entry.sellerId, seller);
  }
  let total = 0;
  let platformFee = 0;
  const split = [...sellers.values()].map((seller) => {
    const fee = Math.round((seller.subtotal * FEE_BASIS_POINTS) / 10_000);
    total += seller.subtotal;
    platformFee += fee;
    return { ...seller, fee, transfer: seller.subtotal - fee };
  });
  const orderId = `ord_${randomBytes(12).toString('base64url')}`;
  try {
    const paymentIntent = await stripe.paymentIntents.create(
      {
        amount: total,
        currency,
        transfer_group: orderId,
        automatic_payment_methods: { enabled: true },
        metadata: { order_id: orderId },
      },
      { idempotencyKey: `checkout:${orderId}` },
    );
    await pool.query(
      `insert into handwritten_orders (id, buyer_user_id, currency, total, platform_fee, status, payment_intent_id, sellers)
       values ($1, $2, $3, $4, $5, 'awaiting_payment', $6, $7::jsonb)`,
      [orderId, buyer, currency, total, platformFee, paymentIntent.id, JSON.stringify(split)],
    );
    response.json({
      orderId,
      paymentIntentId: paymentIntent.id,
      clientSecret: paymentIntent.client_secret,
      total,
    });
  } catch (error) {
    console.error(error);
    response.status(502).json({ error: { code: 'payment_failed' } });
  }
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`port=${typeof address === 'object' && address ? address.port : 0}`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => void pool.end().then(() => process.exit(0)));
});
