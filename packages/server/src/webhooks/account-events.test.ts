import { deriveOnboardingState } from '@marketkit/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as repository from '../stores/repository';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPostgresStore } from '../testing/test-database';

// account.updated through real HTTP, the real SDK and the sandbox: concurrent events for one seller
// share Stripe reads and writes, yet every event is answered by a read that started after it arrived,
// and none is acknowledged before its effect is committed.
describe('account.updated events, coalesced', () => {
  let harness: Harness;
  const announcements: string[] = [];
  beforeAll(async () => {
    // No endpoints: only the events these tests deliver reach the router.
    harness = await createHarness({
      webhooks: false,
      store: await createTestPostgresStore(inject('postgresUrl')),
      routerOptions: { onRiskChanged: ({ accountId }) => void announcements.push(accountId) },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const event = (id: string, accountId: string) =>
    harness.connectedAccountEvent(id, 'account.updated', accountId, {
      id: accountId,
      object: 'account',
    });
  const retrievesOf = (accountId: string) =>
    harness.counter.requests.filter((line) => line === `GET /v1/accounts/${accountId}`).length;
  const cachedState = async (userId: string) =>
    deriveOnboardingState((await repository.findAccountByUser(harness.store, userId))?.status);
  /** Resolves once the router's retrieve of the account has reached the sandbox. */
  const retrieveStarted = async (accountId: string, count: number) => {
    while (retrievesOf(accountId) < count) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const recorded = async (ids: readonly string[]) =>
    (
      await harness.store.query<{ id: string }>(
        'select id from mk_webhook_events where id = any($1::text[])',
        [[...ids]],
      )
    ).rows.map((row) => row.id);

  it('answers an event that arrives during a retrieve with a later one, shared by every such event', async () => {
    const accountId = await harness.router.marketkit.accounts.ensureAccount({
      userId: 'nia',
      displayName: 'Nia',
    });
    expect(await cachedState('nia')).toBe('in_progress');
    const before = retrievesOf(accountId);
    // The first retrieve reads the account before onboarding, then answers late: a stale answer.
    harness.sandbox.injectFault({
      method: 'GET',
      path: `/v1/accounts/${accountId}`,
      count: 1,
      latencyMs: 400,
      phase: 'after-execution',
    });
    const first = harness.deliverEvent(event('evt_nia_0', accountId)).then((response) => response);
    await retrieveStarted(accountId, before + 1);
    // The seller finishes onboarding while that read is in flight; Stripe tells us five times.
    await harness.sandbox.completeOnboarding(accountId);
    const later = await Promise.all(
      [1, 2, 3, 4, 5].map((index) =>
        harness.deliverEvent(event(`evt_nia_${index}`, accountId)).then((response) => response),
      ),
    );
    const responses = [await first, ...later];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(responses.every((response) => response.body.duplicate === false)).toBe(true);
    // The five late events share one fresh retrieve; none took the stale one's answer.
    expect(retrievesOf(accountId) - before).toBe(2);
    expect(await cachedState('nia')).toBe('enabled');
    // One change, announced once, however many events told of it.
    expect(announcements.filter((id) => id === accountId)).toHaveLength(1);
    expect(await recorded([0, 1, 2, 3, 4, 5].map((index) => `evt_nia_${index}`))).toHaveLength(6);
  });

  it('answers a duplicate delivered alongside its original as a duplicate, applied once', async () => {
    const accountId = await harness.onboardSeller('omar');
    const responses = await Promise.all(
      [0, 1, 2].map(() =>
        harness.deliverEvent(event('evt_omar_twice', accountId)).then((response) => response),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(responses.filter((response) => response.body.duplicate === false)).toHaveLength(1);
    expect(await recorded(['evt_omar_twice'])).toEqual(['evt_omar_twice']);
  });

  it('writes nothing for a redelivery alone, even when the account changed since', async () => {
    const accountId = await harness.router.marketkit.accounts.ensureAccount({
      userId: 'rey',
      displayName: 'Rey',
    });
    expect((await harness.deliverEvent(event('evt_rey_0', accountId))).body.duplicate).toBe(false);
    await harness.sandbox.completeOnboarding(accountId);
    const again = await harness.deliverEvent(event('evt_rey_0', accountId));
    expect([again.status, again.body.duplicate]).toEqual([200, true]);
    // A duplicate has no effect of its own: the change waits for the event that tells of it.
    expect(await cachedState('rey')).toBe('in_progress');
    expect(announcements.filter((id) => id === accountId)).toHaveLength(0);
  });

  it('answers a redelivery and a new event that share one read as duplicate and processed, writing once', async () => {
    const accountId = await harness.router.marketkit.accounts.ensureAccount({
      userId: 'sam',
      displayName: 'Sam',
    });
    expect((await harness.deliverEvent(event('evt_sam_0', accountId))).body.duplicate).toBe(false);
    const before = retrievesOf(accountId);
    // A slow read in flight, so the two deliveries below arrive before the next one starts.
    harness.sandbox.injectFault({
      method: 'GET',
      path: `/v1/accounts/${accountId}`,
      count: 1,
      latencyMs: 300,
      phase: 'after-execution',
    });
    // `.then` sends each delivery now (the request is lazy until then), not when it is awaited below.
    const first = harness.deliverEvent(event('evt_sam_1', accountId)).then((response) => response);
    await retrieveStarted(accountId, before + 1);
    await harness.sandbox.completeOnboarding(accountId);
    const [redelivered, fresh] = await Promise.all(
      ['evt_sam_0', 'evt_sam_2'].map((id) =>
        harness.deliverEvent(event(id, accountId)).then((response) => response),
      ),
    );
    expect((await first).status).toBe(200);
    expect([redelivered!.status, redelivered!.body.duplicate]).toEqual([200, true]);
    expect([fresh!.status, fresh!.body.duplicate]).toEqual([200, false]);
    expect(retrievesOf(accountId) - before).toBe(2);
    expect(await recorded(['evt_sam_0', 'evt_sam_1', 'evt_sam_2'])).toHaveLength(3);
    expect(await cachedState('sam')).toBe('enabled');
    expect(announcements.filter((id) => id === accountId)).toHaveLength(1);
  });

  it('acknowledges no event whose write failed, and applies it when Stripe retries', async () => {
    const failing = await harness.onboardSeller('pia');
    const healthy = await harness.onboardSeller('quinn');
    // The seller's row refuses writes for a while (a failing disk, a lock timeout …).
    await harness.store.query(`
      create function refuse_pia() returns trigger language plpgsql as $$
      begin raise exception 'refused'; end $$`);
    await harness.store.query(
      `create trigger refuse_pia before update on mk_accounts for each row
       when (new.account_id = '${failing}') execute function refuse_pia()`,
    );
    const ids = ['evt_pia_0', 'evt_pia_1', 'evt_quinn_0'];
    const responses = await Promise.all(
      ids.map((id, index) =>
        harness.deliverEvent(event(id, index < 2 ? failing : healthy)).then((response) => response),
      ),
    );
    expect(responses.map((response) => response.status >= 500)).toEqual([true, true, false]);
    expect(responses[2]!.status).toBe(200);
    // Not acknowledged, not recorded: Stripe's retry is processed, not taken for a duplicate.
    expect(await recorded(ids)).toEqual(['evt_quinn_0']);

    await harness.store.query('drop trigger refuse_pia on mk_accounts');
    const retried = await Promise.all(
      ids
        .slice(0, 2)
        .map((id) => harness.deliverEvent(event(id, failing)).then((response) => response)),
    );
    expect(retried.map((response) => [response.status, response.body.duplicate])).toEqual([
      [200, false],
      [200, false],
    ]);
    expect((await recorded(ids)).sort()).toEqual([...ids].sort());
    expect(await cachedState('pia')).toBe('enabled');
  });
});
