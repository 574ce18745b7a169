import type Stripe from 'stripe';
import type { Engine } from '../core/engine';
import { invalidRequest, missingParam } from '../http/errors';
import { type Route, apiRoute, at, controlRoute, listRoute } from '../http/route';
import { accountUpdateShape, applyAccountParams, createAccount, renderAccount } from './accounts';
import { refreshAccount, rejectAccount, snapshotVisible } from './verification';
function platformAccount(engine: Engine): Stripe.Account {
  return {
    id: engine.platformId,
    object: 'account',
    business_profile: null,
    business_type: 'company',
    capabilities: { card_payments: 'active', transfers: 'active' },
    charges_enabled: true,
    country: engine.state.platformCountry,
    created: engine.now(),
    default_currency: 'usd',
    details_submitted: true,
    email: null,
    metadata: {},
    payouts_enabled: true,
    type: 'standard',
  } as Stripe.Account;
}

export const accountRoutes: Route[] = [
  apiRoute('GET', '/v1/account', ({ engine, account }) =>
    engine.isPlatform(account)
      ? platformAccount(engine)
      : renderAccount(engine, engine.accountRecord(account)),
  ),
  apiRoute(
    'POST',
    '/v1/accounts',
    ({ engine, params }) => renderAccount(engine, createAccount(engine, params)),
    { platformOnly: true },
  ),
  listRoute(
    '/v1/accounts',
    {
      allow: ['created'],
      collection: ({ engine }) =>
        Object.values(engine.state.accounts)
          .filter((record) => !record.deleted)
          .map((record) => ({ id: record.account.id, created: record.account.created, record })),
      render: (item, engine) => renderAccount(engine, item.record),
    },
    { platformOnly: true },
  ),
  apiRoute('GET', '/v1/accounts/:id', (context) =>
    renderAccount(context.engine, context.engine.accountRecord(at(context, 0), 'id')),
  ),
  apiRoute(
    'POST',
    '/v1/accounts/:id',
    (context) => {
      const { engine, params } = context;
      params.allowOnly(accountUpdateShape);
      const record = engine.accountRecord(at(context, 0), 'id');
      const before = snapshotVisible(record.account);
      applyAccountParams(engine, record, params);
      refreshAccount(engine, record, { before });
      return renderAccount(engine, record);
    },
    { platformOnly: true },
  ),
  apiRoute(
    'DELETE',
    '/v1/accounts/:id',
    (context) => {
      const record = context.engine.accountRecord(at(context, 0), 'id');
      record.deleted = true;
      context.engine.changed();
      return {
        id: record.account.id,
        object: 'account',
        deleted: true,
      } satisfies Stripe.DeletedAccount;
    },
    { platformOnly: true },
  ),
  apiRoute(
    'POST',
    '/v1/accounts/:id/reject',
    (context) => {
      const { engine, params } = context;
      params.allowOnly(['reason']);
      const record = engine.accountRecord(at(context, 0), 'account');
      const reason = params.oneOf('reason', ['fraud', 'terms_of_service', 'other'] as const);
      if (!reason) throw missingParam('reason');
      rejectAccount(engine, record, reason);
      return renderAccount(engine, record);
    },
    { platformOnly: true },
  ),
  // The sandbox's stand-in for a Stripe risk review.
  controlRoute('POST', '/_sandbox/accounts/:id/review', async (context) => {
    const state = context.body.state;
    if (state !== 'under_review' && state !== 'cleared')
      throw invalidRequest("`state` must be 'under_review' or 'cleared'.", { param: 'state' });
    await context.controls.reviewAccount(at(context, 0), state);
    return { ok: true };
  }),
];
