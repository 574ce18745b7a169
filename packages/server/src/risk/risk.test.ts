import type { RiskSignal } from '@marketkit/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collapseByRemedy } from './risk-service';
import { createHarness, type Harness } from '../testing/harness';
import { createTestPgliteStore } from '../testing/test-pglite';

describe('risk a seller can act on', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness({ store: createTestPgliteStore(inject('pgliteTemplate')) });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows a seller who left onboarding half-way one neutral "finish setting up", not red alerts', async () => {
    const created = await harness.http
      .post('/api/accounts')
      .type('json')
      .set(harness.as('dana', 'seller'));
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const risk = await harness.http.get('/api/risk').set(harness.as('dana', 'seller'));
    expect(risk.body.signals).toEqual([
      expect.objectContaining({
        kind: 'onboarding_incomplete',
        severity: 'info',
        remediation: 'finish_onboarding',
      }),
    ]);
    expect(risk.body.highestSeverity).toBe('info');
    const platform = await harness.http.get('/api/platform/risk').set(harness.as('hana', 'admin'));
    const dana = platform.body.accounts.find(
      (account: { userId: string }) => account.userId === 'dana',
    );
    expect(dana?.highestSeverity ?? null).not.toBe('critical');
  });

  it('offers instant payouts only with an instant-capable card, and refuses them in words otherwise', async () => {
    await harness.onboardSeller('fay');
    const balance = await harness.http.get('/api/balance').set(harness.as('fay', 'seller'));
    expect(balance.body.instantPayouts).toBe('no_eligible_card');
    const instant = await harness.http
      .post('/api/payouts')
      .set(harness.as('fay', 'seller'))
      .send({ method: 'instant' });
    expect(instant.status).toBe(409);
    expect(instant.body.error.code).toBe('instant_payout_unavailable');
  });

  it('logs a refused request with the request id the client saw and the route', async () => {
    const refused = await harness.http
      .post('/api/payouts')
      .set(harness.as('erin', 'seller'))
      .send({ method: 'standard' });
    expect(refused.body.error.code).toBe('account_missing');
    const line = harness.logs
      .map((entry) => JSON.parse(entry) as Record<string, unknown>)
      .find((entry) => entry.requestId === refused.body.error.requestId);
    // The route as MarketKit declares it, relative to where the app mounted it.
    expect(line).toMatchObject({ route: 'POST /payouts', code: 'account_missing' });
  });
});

describe('collapseByRemedy', () => {
  const signal = (
    overrides: Partial<RiskSignal> & Pick<RiskSignal, 'id' | 'kind'>,
  ): RiskSignal => ({
    severity: 'warning',
    remediation: 'account_update',
    ...overrides,
  });

  it('turns signals one button fixes into one, keeping every requirement and the earliest deadline', () => {
    const collapsed = collapseByRemedy([
      signal({
        id: 'due',
        kind: 'requirements_due',
        requirements: ['tos_acceptance.date'],
        deadline: 50,
      }),
      signal({ id: 'restricted', kind: 'account_restricted', severity: 'critical' }),
      signal({
        id: 'past_due',
        kind: 'requirements_past_due',
        severity: 'critical',
        requirements: ['individual.dob.day'],
        deadline: 100,
      }),
      signal({ id: 'payout_1', kind: 'payout_failed', remediation: 'update_bank_account' }),
      signal({ id: 'payout_2', kind: 'payout_failed', remediation: 'update_bank_account' }),
      signal({ id: 'dispute_1', kind: 'dispute_open', remediation: 'respond_to_dispute' }),
      signal({ id: 'dispute_2', kind: 'dispute_open', remediation: 'respond_to_dispute' }),
    ]);
    expect(collapsed.map((item) => item.id)).toEqual([
      'restricted',
      'payout_1',
      'dispute_1',
      'dispute_2',
    ]);
    expect(collapsed[0]).toMatchObject({
      severity: 'critical',
      requirements: ['individual.dob.day', 'tos_acceptance.date'],
      deadline: 50,
    });
  });
});
