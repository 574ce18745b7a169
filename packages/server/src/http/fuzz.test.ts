// Malformed requests against every route, through real HTTP, the real SDK and the sandbox: each must
// get a 4xx (never a 5xx, never a hang) and cause no Stripe write.
import { Agent, request as send } from 'node:http';
import { API_ROUTES, type ApiRouteName } from '@marketkit/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPgliteStore } from '../testing/test-pglite';

const RUNS_PER_ROUTE = 200;
const HANG_MS = 5_000;

interface Malformed {
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Tallies for the report: requests sent and answers by status. */
const statuses = new Map<number, number>();
let sent = 0;

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const notJson = fc
  .string({ minLength: 1, maxLength: 40 })
  .filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  })
  .map((text) => Buffer.from(text));
const fieldValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));
/** An object with a field no route accepts, plus random others. */
const unknownFieldObject = fc
  .tuple(fc.dictionary(fc.string({ maxLength: 12 }), fieldValue, { maxKeys: 4 }), fc.string())
  .map(([fields, suffix]) => ({ ...fields, [`__fuzz${suffix}`]: 1 }));
const badEscape = fc.constantFrom('%', '%zz', '%E0%A4%A', '%%', '%C0%80', '%u0041', '%ff%fe');
const userHeader = fc.constantFrom(
  {},
  { 'x-test-user': 'fuzz_buyer:buyer' },
  { 'x-test-user': 'fuzz_seller:seller' },
  { 'x-test-user': 'fuzz_admin:admin' },
);
const jsonType = { 'content-type': 'application/json' };

describe('fuzzed client mistakes', () => {
  let harness: Harness;
  let orderId = '';
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });

  function fire(method: string, request: Malformed): Promise<number> {
    const url = new URL(harness.baseUrl);
    return new Promise((resolve, reject) => {
      const outgoing = send(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path: `${url.pathname}${request.path}`,
          headers: {
            ...request.headers,
            ...(request.body ? { 'content-length': String(request.body.length) } : {}),
          },
          timeout: HANG_MS,
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      outgoing.on('timeout', () => {
        outgoing.destroy();
        reject(new Error(`${method} ${request.path} hung for ${HANG_MS} ms`));
      });
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
  }

  /** Malformed requests for one route: every one breaks the path, the query, the encoding or the body. */
  function malformed(name: ApiRouteName): fc.Arbitrary<Malformed> {
    const route = API_ROUTES[name];
    const path = (orderPart: string) => route.path.replace(':orderId', orderPart);
    const validPath = path(orderId);
    const isRead = route.method === 'GET';
    const withUser = <T extends Malformed>(arbitrary: fc.Arbitrary<T>) =>
      fc
        .tuple(arbitrary, userHeader)
        .map(([request, user]) => ({ ...request, headers: { ...user, ...request.headers } }));
    const cases: fc.Arbitrary<Malformed>[] = [
      // A path with a broken percent-encoding.
      badEscape.map((escape) => ({
        path: route.path.includes(':orderId') ? path(escape) : `${route.path}/${escape}`,
        headers: jsonType,
        body: isRead ? undefined : json({}),
      })),
      // A body that is not JSON, labelled as JSON.
      notJson.map((body) => ({ path: validPath, headers: jsonType, body })),
      // A body that claims a compression it does not have (or one nobody supports).
      fc
        .tuple(fc.constantFrom('gzip', 'br', 'deflate', 'compress', 'x-fuzz'), fc.uint8Array())
        .map(([encoding, bytes]) => ({
          path: validPath,
          headers: { ...jsonType, 'content-encoding': encoding },
          body: Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from(bytes)]),
        })),
      // A body in another content type (a form, text, nothing).
      fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
          ),
          fc.string(),
        )
        .map(([type, text]) => ({
          path: validPath,
          headers: { 'content-type': type },
          body: Buffer.from(text),
        })),
    ];
    if (isRead) {
      cases.push(
        // Query strings with broken escapes, bad page sizes, unknown keys and unknown cursors.
        fc
          .tuple(
            fc.oneof(
              badEscape.map((escape) => `startingAfter=${escape}`),
              fc
                .oneof(fc.string(), fc.integer({ min: -5, max: 0 }).map(String), fc.constant('1e9'))
                .map((limit) => `limit=${encodeURIComponent(limit)}&__fuzz=1`),
              fc
                .stringMatching(/^(po|ord|acct|tr)_[A-Za-z0-9]{0,24}$/)
                .map((cursor) => `startingAfter=${cursor}&__fuzz=${cursor}`),
              fc.string().map((key) => `__fuzz${encodeURIComponent(key)}=1`),
              fc.string().map((state) => `state=${encodeURIComponent(state)}`),
            ),
          )
          .map(([query]) => ({ path: `${validPath}?${query}`, headers: {} })),
      );
    } else {
      cases.push(
        // JSON with a field the route does not take, or JSON that is not an object at all.
        fc
          .tuple(
            fc.oneof(
              unknownFieldObject,
              fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 })), fc.string(), fc.integer()),
            ),
            fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
          )
          .map(([body, key]) => ({
            path: validPath,
            headers: { ...jsonType, ...(key === undefined ? {} : { 'idempotency-key': key }) },
            body: json(body),
          })),
      );
    }
    return withUser(fc.oneof(...cases));
  }

  beforeAll(async () => {
    harness = await createHarness({ store: createTestPgliteStore(inject('pgliteTemplate')) });
    await harness.onboardSeller('fuzz_seller');
    const checkout = await harness.http
      .post('/api/checkout')
      .set(harness.as('fuzz_buyer'))
      .send(harness.cart([{ sellerId: 'fuzz_seller', amount: 2000, quantity: 1 }]));
    orderId = checkout.body.orderId;
    await harness.pay(checkout.body.paymentIntentId);
    await harness.settle();
  });
  afterAll(async () => {
    agent.destroy();
    await harness?.close();
    const histogram = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
    console.info(`fuzz: ${sent} malformed requests, statuses ${JSON.stringify(histogram)}`);
  });

  const routes = (Object.keys(API_ROUTES) as ApiRouteName[]).map((name) => ({
    name,
    method: API_ROUTES[name].method,
    path: API_ROUTES[name].path,
  }));

  it.each(routes)(
    `answers ${RUNS_PER_ROUTE} malformed $method $path requests with 4xx and no Stripe write`,
    async ({ name, method }) => {
      const before = harness.counter.writes.length;
      await fc.assert(
        fc.asyncProperty(malformed(name), async (request) => {
          const status = await fire(method, request);
          sent += 1;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          // Reads may ignore a body or a query they do not use (200); a write never succeeds.
          expect(status).toBeGreaterThanOrEqual(method === 'GET' ? 200 : 400);
          expect(status).toBeLessThan(500);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: 12 },
      );
      expect(harness.counter.writes.slice(before)).toEqual([]);
    },
    60_000,
  );
});
