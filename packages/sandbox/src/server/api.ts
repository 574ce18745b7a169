import type Stripe from 'stripe';
import {
  accountUpdateShape,
  addExternalAccount,
  applyAccountParams,
  externalAccountShape,
  createAccount,
  deleteExternalAccount,
  externalAccountsOf,
  newClientSecret,
  refreshAccount,
  rejectAccount,
  renderAccount,
  renderExternalAccount,
  snapshotVisible,
} from './accounts';
import { parseComponents } from './account-session-components';
import type { Engine } from './engine';
import { invalidRequest, missingParam, notFound } from './errors';
import { createId, randomToken } from './ids';
import { paginate } from './list';
import type { Params } from './params';
import {
  cancelPaymentIntent,
  chargeRecord,
  closeDispute,
  confirmPaymentIntent,
  confirmShape,
  createPaymentIntent,
  createPaymentMethodFromParams,
  createRefund,
  paymentIntentRecord,
  renderCharge,
  renderDispute,
  requireReturnUrl,
  updatePaymentIntent,
} from './payments';
import { createPayout, payoutRecord } from './payouts';
import type { AccountSessionObject, WebhookEndpointObject } from './state';
import {
  createTransfer,
  createTransferReversal,
  renderTransfer,
  transferRecord,
} from './transfers';

export interface ApiContext {
  engine: Engine;
  params: Params;
  /** Path parameters captured by the route pattern. */
  path: string[];
  /** The account the request acts as: the platform, or the `Stripe-Account` header's account. */
  account: string;
  keyKind: 'secret' | 'publishable';
}

type Handler = (context: ApiContext) => unknown;

interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: RegExp;
  handler: Handler;
  /** Stripe.js-style calls allowed with the publishable key. */
  publishable?: boolean;
  /** Routes that only make sense for the platform itself (no `Stripe-Account`). */
  platformOnly?: boolean;
}

const routes: Route[] = [];

function route(
  method: Route['method'],
  path: string,
  handler: Handler,
  options: Pick<Route, 'publishable' | 'platformOnly'> = {},
) {
  const pattern = new RegExp(`^${path.replace(/:[a-z_]+/g, '([^/]+)')}$`);
  routes.push({ method, pattern, handler, ...options });
}

export function matchRoute(
  method: string,
  pathname: string,
): { route: Route; path: string[] } | { methodMismatch: true } | null {
  let mismatch = false;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(pathname);
    if (!match) continue;
    if (candidate.method !== method) {
      mismatch = true;
      continue;
    }
    return { route: candidate, path: match.slice(1).map(decodeURIComponent) };
  }
  return mismatch ? { methodMismatch: true } : null;
}

const at = (context: ApiContext, index: number) => context.path[index] as string;

interface ListRouteOptions<T> {
  /** Params accepted besides the cursors; anything else is rejected, as Stripe does. */
  allow: readonly string[];
  /** The items, oldest first; may throw (e.g. an unknown parent object) before any filter is read. */
  collection: (context: ApiContext) => T[];
  /** Reads the filter params and returns the test each item must pass. */
  filter?: (context: ApiContext) => (item: T) => boolean;
  render?: (item: T, engine: Engine) => unknown;
  /** The list's `url` when it differs from the route path (paths with ids). */
  url?: (context: ApiContext) => string;
}

/**
 * A GET list endpoint: rejects params outside `limit`, `starting_after`, `ending_before` and
 * `allow`, then filters the collection and paginates it the Stripe way.
 */
function listRoute<T extends { id: string; created?: number }>(
  path: string,
  { allow, collection, filter, render, url }: ListRouteOptions<T>,
  options: Pick<Route, 'publishable' | 'platformOnly'> = {},
) {
  route(
    'GET',
    path,
    (context) => {
      context.params.allowOnly(['limit', 'starting_after', 'ending_before', ...allow]);
      const all = collection(context);
      const test = filter?.(context);
      const items = test ? all.filter(test) : all;
      return paginate(
        items,
        context.params,
        url?.(context) ?? path,
        render && ((item) => render(item, context.engine)),
      );
    },
    options,
  );
}

interface RetrieveRouteOptions<T> {
  /** The object named by the path's last id, or undefined when it is missing or not visible. */
  find: (context: ApiContext) => T | undefined;
  /** The kind in the 404 message: `No such <kind>: '<id>'`. */
  kind: string;
  render: (item: T, engine: Engine) => unknown;
}

/** A GET retrieve endpoint that answers 404 `resource_missing` for an unknown id. */
function retrieveRoute<T>(
  path: string,
  { find, kind, render }: RetrieveRouteOptions<T>,
  options: Pick<Route, 'publishable' | 'platformOnly'> = {},
) {
  route(
    'GET',
    path,
    (context) => {
      const item = find(context);
      if (item === undefined) throw notFound(kind, context.path.at(-1) as string);
      return render(item, context.engine);
    },
    options,
  );
}

// Accounts -------------------------------------------------------------------------------------

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

route('GET', '/v1/account', ({ engine, account }) =>
  engine.isPlatform(account)
    ? platformAccount(engine)
    : renderAccount(engine, engine.accountRecord(account)),
);
route(
  'POST',
  '/v1/accounts',
  ({ engine, params }) => renderAccount(engine, createAccount(engine, params)),
  { platformOnly: true },
);
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
);
route('GET', '/v1/accounts/:id', (context) =>
  renderAccount(context.engine, context.engine.accountRecord(at(context, 0), 'id')),
);
route(
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
);
route(
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
);

route(
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
);

route(
  'POST',
  '/v1/accounts/:id/external_accounts',
  (context) => {
    const { engine, params } = context;
    params.allowOnly({
      external_account: externalAccountShape,
      default_for_currency: true,
      metadata: 'any',
    });
    const record = engine.accountRecord(at(context, 0));
    const external = addExternalAccount(engine, record.account.id, params);
    refreshAccount(engine, record);
    return renderExternalAccount(external);
  },
  { platformOnly: true },
);
listRoute(
  '/v1/accounts/:id/external_accounts',
  {
    allow: ['object'],
    collection: (context) => {
      const record = context.engine.accountRecord(at(context, 0));
      return externalAccountsOf(context.engine, record.account.id).map((item) => ({
        id: item.object.id,
        item,
      }));
    },
    filter: ({ params }) => {
      const kind = params.oneOf('object', ['bank_account', 'card'] as const);
      return ({ item }) => !kind || item.object.object === kind;
    },
    render: ({ item }) => renderExternalAccount(item),
    // The account was found under this id, so it is the account's own id.
    url: (context) => `/v1/accounts/${at(context, 0)}/external_accounts`,
  },
  { platformOnly: true },
);
/** The path's external account, found only under the path's account. */
function externalAccountRecord(context: ApiContext) {
  const external = context.engine.state.externalAccounts[at(context, 1)];
  if (!external || external.object.account !== at(context, 0))
    throw notFound('external account', at(context, 1));
  return external;
}

route('GET', '/v1/accounts/:id/external_accounts/:external', (context) =>
  renderExternalAccount(externalAccountRecord(context)),
);
route('POST', '/v1/accounts/:id/external_accounts/:external', (context) => {
  const { engine, params } = context;
  params.allowOnly(['default_for_currency', 'metadata', 'account_holder_name']);
  const external = externalAccountRecord(context);
  if (params.boolean('default_for_currency')) {
    for (const other of externalAccountsOf(engine, at(context, 0))) {
      if (other.object.currency === external.object.currency)
        other.object.default_for_currency = false;
    }
    external.object.default_for_currency = true;
  }
  if (params.has('metadata'))
    external.object.metadata = params.metadata(external.object.metadata ?? {});
  engine.changed();
  return renderExternalAccount(external);
});
route('DELETE', '/v1/accounts/:id/external_accounts/:external', (context) => {
  const result = deleteExternalAccount(context.engine, at(context, 0), at(context, 1));
  refreshAccount(context.engine, context.engine.accountRecord(at(context, 0)));
  return result;
});

route(
  'POST',
  '/v1/accounts/:id/login_links',
  (context) => {
    const { engine } = context;
    const record = engine.accountRecord(at(context, 0));
    if (record.account.controller?.stripe_dashboard?.type !== 'express') {
      throw invalidRequest(
        'Login links can only be created for accounts that use the Express Dashboard.',
        { param: 'account' },
      );
    }
    const id = createId('lnk');
    engine.state.loginLinks[id] = {
      id,
      account: record.account.id,
      created: engine.now(),
      used: false,
    };
    engine.changed();
    return {
      object: 'login_link',
      created: engine.now(),
      url: `${engine.url}/_sandbox/hosted/express/${id}`,
    } satisfies Stripe.LoginLink;
  },
  { platformOnly: true },
);

route(
  'POST',
  '/v1/account_links',
  ({ engine, params }) => {
    params.allowOnly(['account', 'type', 'refresh_url', 'return_url', 'collect']);
    // `collection_options` is refused rather than ignored: the hosted form collects one fixed set of fields.
    const record = engine.accountRecord(params.requiredString('account'));
    const type = params.oneOf('type', ['account_onboarding', 'account_update'] as const);
    if (!type)
      throw invalidRequest('Missing required param: type.', {
        param: 'type',
        code: 'parameter_missing',
      });
    if (
      type === 'account_update' &&
      record.account.controller?.requirement_collection !== 'application'
    ) {
      // Stripe only allows account_update links where the platform collects requirements.
      throw invalidRequest(
        'You cannot create `account_update` type Account Links for accounts where Stripe collects requirements.',
        { param: 'type' },
      );
    }
    const refreshUrl = params.requiredString('refresh_url');
    const returnUrl = params.requiredString('return_url');
    for (const [name, value] of [
      ['refresh_url', refreshUrl],
      ['return_url', returnUrl],
    ] as const) {
      if (!/^https?:\/\//.test(value))
        throw invalidRequest(`Not a valid URL`, { param: name, code: 'url_invalid' });
    }
    const id = `alink_${randomToken(24)}`;
    const link: Stripe.AccountLink = {
      object: 'account_link',
      created: engine.now(),
      expires_at: engine.now() + 300,
      url: `${engine.url}/_sandbox/hosted/onboarding/${id}`,
    };
    engine.state.accountLinks[id] = {
      id,
      link,
      account: record.account.id,
      type,
      refresh_url: refreshUrl,
      return_url: returnUrl,
      used: false,
    };
    engine.changed();
    return link;
  },
  { platformOnly: true },
);

route(
  'POST',
  '/v1/account_sessions',
  ({ engine, params }) => {
    // Components are checked key by key against the declared list in parseComponents.
    params.allowOnly({ account: true, components: 'any' });
    const record = engine.accountRecord(params.requiredString('account'));
    const requested = params.object('components');
    if (!requested || Object.keys(requested.values).length === 0) {
      throw invalidRequest('Missing required param: components.', {
        param: 'components',
        code: 'parameter_missing',
      });
    }
    const components = parseComponents(record.account, requested);
    const session: AccountSessionObject = {
      object: 'account_session',
      account: record.account.id,
      client_secret: newClientSecret(`acctsess_${randomToken(16)}`),
      expires_at: engine.now() + 30 * 60,
      livemode: false,
      components,
    };
    engine.state.accountSessions[session.client_secret] = session;
    engine.changed();
    return session;
  },
  { platformOnly: true },
);

// Payments -------------------------------------------------------------------------------------

route(
  'POST',
  '/v1/payment_methods',
  ({ engine, params }) => structuredClone(createPaymentMethodFromParams(engine, params).object),
  {
    publishable: true,
  },
);
retrieveRoute('/v1/payment_methods/:id', {
  find: (context) => context.engine.state.paymentMethods[at(context, 0)],
  kind: 'PaymentMethod',
  render: (method) => structuredClone(method.object),
});

function checkClientSecret(context: ApiContext, intentSecret: string | null) {
  if (context.keyKind !== 'publishable') return;
  const given = context.params.string('client_secret');
  if (!given)
    throw invalidRequest('Missing required param: client_secret.', {
      param: 'client_secret',
      code: 'parameter_missing',
    });
  if (given !== intentSecret) {
    throw invalidRequest(
      'The client_secret provided does not match the client_secret associated with the PaymentIntent.',
      {
        param: 'client_secret',
        code: 'payment_intent_invalid_parameter',
      },
    );
  }
}

route('POST', '/v1/payment_intents', ({ engine, params }) => createPaymentIntent(engine, params), {
  platformOnly: true,
});
listRoute(
  '/v1/payment_intents',
  {
    allow: ['created', 'customer'],
    collection: ({ engine }) => Object.values(engine.state.paymentIntents),
  },
  { platformOnly: true },
);
route(
  'GET',
  '/v1/payment_intents/:id',
  (context) => {
    const intent = paymentIntentRecord(context.engine, at(context, 0));
    checkClientSecret(context, intent.client_secret);
    return intent;
  },
  { publishable: true, platformOnly: true },
);
route(
  'POST',
  '/v1/payment_intents/:id',
  (context) =>
    structuredClone(
      updatePaymentIntent(
        context.engine,
        paymentIntentRecord(context.engine, at(context, 0)),
        context.params,
      ),
    ),
  { platformOnly: true },
);
route(
  'POST',
  '/v1/payment_intents/:id/confirm',
  (context) => {
    const { engine, params } = context;
    params.allowOnly(confirmShape);
    const intent = paymentIntentRecord(engine, at(context, 0));
    checkClientSecret(context, intent.client_secret);
    // Stripe.js confirms (publishable key) handle next actions in the page themselves.
    if (context.keyKind === 'secret') requireReturnUrl(intent, params.string('return_url'));
    return structuredClone(confirmPaymentIntent(engine, intent, params));
  },
  { publishable: true, platformOnly: true },
);
route(
  'POST',
  '/v1/payment_intents/:id/cancel',
  (context) =>
    structuredClone(
      cancelPaymentIntent(
        context.engine,
        paymentIntentRecord(context.engine, at(context, 0)),
        context.params,
      ),
    ),
  { platformOnly: true },
);

listRoute(
  '/v1/charges',
  {
    allow: ['payment_intent', 'transfer_group', 'created'],
    collection: ({ engine }) => Object.values(engine.state.charges),
    filter: ({ params }) => {
      const intent = params.string('payment_intent');
      const group = params.string('transfer_group');
      return (charge) =>
        (!intent || charge.payment_intent === intent) &&
        (!group || charge.transfer_group === group);
    },
    render: (charge, engine) => renderCharge(engine, charge),
  },
  { platformOnly: true },
);
route(
  'GET',
  '/v1/charges/:id',
  (context) => renderCharge(context.engine, chargeRecord(context.engine, at(context, 0), 'id')),
  { platformOnly: true },
);

route(
  'POST',
  '/v1/refunds',
  ({ engine, params }) => structuredClone(createRefund(engine, params)),
  { platformOnly: true },
);
listRoute(
  '/v1/refunds',
  {
    allow: ['charge', 'payment_intent', 'created'],
    collection: ({ engine }) => Object.values(engine.state.refunds),
    filter: ({ params }) => {
      const charge = params.string('charge');
      const intent = params.string('payment_intent');
      return (refund) =>
        (!charge || refund.charge === charge) && (!intent || refund.payment_intent === intent);
    },
  },
  { platformOnly: true },
);
retrieveRoute(
  '/v1/refunds/:id',
  {
    find: (context) => context.engine.state.refunds[at(context, 0)],
    kind: 'refund',
    render: (refund) => structuredClone(refund),
  },
  { platformOnly: true },
);

listRoute(
  '/v1/disputes',
  {
    allow: ['charge', 'payment_intent', 'created'],
    collection: ({ engine }) => Object.values(engine.state.disputes),
    filter: ({ params }) => {
      const charge = params.string('charge');
      return (dispute) => !charge || dispute.charge === charge;
    },
    render: (dispute, engine) => renderDispute(engine, dispute),
  },
  { platformOnly: true },
);
retrieveRoute(
  '/v1/disputes/:id',
  {
    find: (context) => context.engine.state.disputes[at(context, 0)],
    kind: 'dispute',
    render: (dispute, engine) => renderDispute(engine, dispute),
  },
  { platformOnly: true },
);
route(
  'POST',
  '/v1/disputes/:id/close',
  (context) => renderDispute(context.engine, closeDispute(context.engine, at(context, 0), 'lost')),
  { platformOnly: true },
);

// Transfers ------------------------------------------------------------------------------------

route(
  'POST',
  '/v1/transfers',
  ({ engine, params }) => renderTransfer(engine, createTransfer(engine, params).id),
  { platformOnly: true },
);
listRoute(
  '/v1/transfers',
  {
    allow: ['destination', 'transfer_group', 'created'],
    collection: ({ engine }) => Object.values(engine.state.transfers),
    filter: ({ params }) => {
      const destination = params.string('destination');
      const group = params.string('transfer_group');
      return (transfer) =>
        (!destination || transfer.destination === destination) &&
        (!group || transfer.transfer_group === group);
    },
    render: (transfer, engine) => renderTransfer(engine, transfer.id),
  },
  { platformOnly: true },
);
route(
  'GET',
  '/v1/transfers/:id',
  (context) => renderTransfer(context.engine, transferRecord(context.engine, at(context, 0)).id),
  { platformOnly: true },
);
route(
  'POST',
  '/v1/transfers/:id',
  (context) => {
    const { engine, params } = context;
    params.allowOnly(['description', 'metadata']);
    const transfer = transferRecord(engine, at(context, 0));
    if (params.has('description')) transfer.description = params.string('description') || null;
    if (params.has('metadata')) transfer.metadata = params.metadata(transfer.metadata);
    engine.changed();
    return renderTransfer(engine, transfer.id);
  },
  { platformOnly: true },
);
route(
  'POST',
  '/v1/transfers/:id/reversals',
  (context) =>
    structuredClone(
      createTransferReversal(
        context.engine,
        transferRecord(context.engine, at(context, 0)),
        context.params,
      ),
    ),
  { platformOnly: true },
);
listRoute(
  '/v1/transfers/:id/reversals',
  {
    allow: [],
    collection: (context) => {
      const transfer = transferRecord(context.engine, at(context, 0));
      return Object.values(context.engine.state.transferReversals).filter(
        (reversal) => reversal.transfer === transfer.id,
      );
    },
    // The transfer was found under this id, so it is the transfer's own id.
    url: (context) => `/v1/transfers/${at(context, 0)}/reversals`,
  },
  { platformOnly: true },
);
retrieveRoute(
  '/v1/transfers/:id/reversals/:reversal',
  {
    find: (context) => {
      const reversal = context.engine.state.transferReversals[at(context, 1)];
      return reversal?.transfer === at(context, 0) ? reversal : undefined;
    },
    kind: 'transfer_reversal',
    render: (reversal) => structuredClone(reversal),
  },
  { platformOnly: true },
);

// Balance and payouts (scoped by Stripe-Account) ------------------------------------------------

/** The object named by the path's id, only when it belongs to the account the request acts as. */
function findOwned<T extends { id: string }>(context: ApiContext, collection: Record<string, T>) {
  const item = collection[at(context, 0)];
  return item && context.engine.ownerOf(item.id) === context.account ? item : undefined;
}

route('GET', '/v1/balance', ({ engine, params, account }) => {
  params.allowOnly([]);
  return engine.balance(account);
});
listRoute('/v1/balance_transactions', {
  allow: ['type', 'payout', 'source', 'currency', 'created'],
  collection: ({ engine }) => Object.values(engine.state.balanceTransactions),
  filter: ({ engine, params, account }) => {
    const type = params.string('type');
    const source = params.string('source');
    const currency = params.string('currency');
    return (transaction) =>
      engine.ownerOf(transaction.id) === account &&
      (!type || transaction.type === type) &&
      (!source || transaction.source === source) &&
      (!currency || transaction.currency === currency);
  },
  render: (transaction, engine) => engine.renderBalanceTransaction(transaction),
});
retrieveRoute('/v1/balance_transactions/:id', {
  find: (context) => findOwned(context, context.engine.state.balanceTransactions),
  kind: 'balance transaction',
  render: (transaction, engine) => engine.renderBalanceTransaction(transaction),
});

route('POST', '/v1/payouts', ({ engine, params, account }) =>
  structuredClone(createPayout(engine, account, params)),
);
listRoute('/v1/payouts', {
  allow: ['status', 'destination', 'arrival_date', 'created'],
  collection: ({ engine }) => Object.values(engine.state.payouts),
  filter: ({ engine, params, account }) => {
    const status = params.string('status');
    return (payout) =>
      engine.ownerOf(payout.id) === account && (!status || payout.status === status);
  },
});
route('GET', '/v1/payouts/:id', (context) =>
  structuredClone(payoutRecord(context.engine, context.account, at(context, 0))),
);
route('POST', '/v1/payouts/:id/cancel', (context) => {
  const { engine, account } = context;
  const payout = payoutRecord(engine, account, at(context, 0));
  // https://docs.stripe.com/api/payouts/cancel: "You can't cancel automatic Stripe payouts."
  if (payout.automatic) {
    throw invalidRequest('Automatic payouts cannot be canceled.', {
      code: 'payout_not_cancelable',
    });
  }
  if (payout.status !== 'pending' || payout.method === 'instant') {
    throw invalidRequest('Payouts can only be canceled while they are pending.', {
      code: 'payout_not_cancelable',
    });
  }
  engine.addBalanceTransaction(account, {
    amount: payout.amount,
    currency: payout.currency,
    type: 'payout_cancel',
    reporting_category: 'payout_reversal',
    source: payout.id,
  });
  const previous = { status: payout.status };
  payout.status = 'canceled';
  engine.emit('payout.canceled', payout, account, previous);
  return structuredClone(payout);
});

// Events and webhook endpoints -----------------------------------------------------------------

listRoute('/v1/events', {
  allow: ['type', 'types', 'created', 'delivery_success'],
  collection: ({ engine }) => Object.values(engine.state.events),
  filter: ({ engine, params, account }) => {
    const type = params.string('type');
    const types = params.stringArray('types');
    const matchesType = (eventType: string) => {
      if (types) return types.includes(eventType);
      if (!type) return true;
      // `type=charge.*` matches a family, as on Stripe.
      return type.endsWith('.*') ? eventType.startsWith(type.slice(0, -1)) : eventType === type;
    };
    return (event) => engine.ownerOf(event.id) === account && matchesType(event.type);
  },
});
retrieveRoute('/v1/events/:id', {
  find: (context) => findOwned(context, context.engine.state.events),
  kind: 'event',
  render: (event) => structuredClone(event),
});

route(
  'POST',
  '/v1/webhook_endpoints',
  ({ engine, params }) => {
    params.allowOnly([
      'url',
      'enabled_events',
      'connect',
      'description',
      'metadata',
      'api_version',
    ]);
    const url = params.requiredString('url');
    if (!/^https?:\/\//.test(url))
      throw invalidRequest('Invalid URL: must be an http(s) URL.', {
        param: 'url',
        code: 'url_invalid',
      });
    const events = params.stringArray('enabled_events');
    if (!events || events.length === 0)
      throw invalidRequest('Missing required param: enabled_events.', {
        param: 'enabled_events',
        code: 'parameter_missing',
      });
    const endpoint: WebhookEndpointObject = {
      id: createId('we'),
      object: 'webhook_endpoint',
      api_version: params.string('api_version') ?? null,
      application: null,
      created: engine.now(),
      description: params.string('description') ?? null,
      enabled_events: events,
      livemode: false,
      metadata: params.metadata(),
      status: 'enabled',
      url,
      connect: params.boolean('connect') ?? false,
    };
    engine.state.webhookEndpoints[endpoint.id] = endpoint;
    engine.changed();
    // Every endpoint signs with the sandbox's one secret, like `stripe listen`.
    return { ...structuredClone(endpoint), secret: engine.state.keys.webhookSecret };
  },
  { platformOnly: true },
);
listRoute(
  '/v1/webhook_endpoints',
  { allow: [], collection: ({ engine }) => Object.values(engine.state.webhookEndpoints) },
  { platformOnly: true },
);
function webhookEndpointRecord(context: ApiContext) {
  const endpoint = context.engine.state.webhookEndpoints[at(context, 0)];
  if (!endpoint) throw notFound('webhook endpoint', at(context, 0));
  return endpoint;
}

route(
  'GET',
  '/v1/webhook_endpoints/:id',
  (context) => structuredClone(webhookEndpointRecord(context)),
  { platformOnly: true },
);
route(
  'POST',
  '/v1/webhook_endpoints/:id',
  (context) => {
    const { engine, params } = context;
    params.allowOnly(['url', 'enabled_events', 'description', 'metadata', 'disabled']);
    const endpoint = webhookEndpointRecord(context);
    if (params.has('url')) endpoint.url = params.requiredString('url');
    const events = params.stringArray('enabled_events');
    if (events) endpoint.enabled_events = events;
    if (params.has('description')) endpoint.description = params.string('description') || null;
    if (params.has('metadata')) endpoint.metadata = params.metadata(endpoint.metadata);
    const disabled = params.boolean('disabled');
    if (disabled !== undefined) endpoint.status = disabled ? 'disabled' : 'enabled';
    engine.changed();
    return structuredClone(endpoint);
  },
  { platformOnly: true },
);
route(
  'DELETE',
  '/v1/webhook_endpoints/:id',
  (context) => {
    const endpoint = webhookEndpointRecord(context);
    delete context.engine.state.webhookEndpoints[endpoint.id];
    context.engine.changed();
    return {
      id: endpoint.id,
      object: 'webhook_endpoint',
      deleted: true,
    } satisfies Stripe.DeletedWebhookEndpoint;
  },
  { platformOnly: true },
);

// Expansion ------------------------------------------------------------------------------------

/** Renders any object by id (for `expand[]`), or undefined when the id is unknown. */
export function renderById(engine: Engine, id: string): unknown {
  const { state } = engine;
  if (id.startsWith('txn_')) {
    const transaction = state.balanceTransactions[id];
    return transaction && engine.renderBalanceTransaction(transaction);
  }
  if (id.startsWith('ch_')) return state.charges[id] && renderCharge(engine, state.charges[id]);
  if (id.startsWith('pi_'))
    return state.paymentIntents[id] && structuredClone(state.paymentIntents[id]);
  if (id.startsWith('trr_'))
    return state.transferReversals[id] && structuredClone(state.transferReversals[id]);
  if (id.startsWith('tr_')) return state.transfers[id] && renderTransfer(engine, id);
  if (id.startsWith('re_')) return state.refunds[id] && structuredClone(state.refunds[id]);
  if (id.startsWith('dp_')) return state.disputes[id] && renderDispute(engine, state.disputes[id]);
  if (id.startsWith('po_')) return state.payouts[id] && structuredClone(state.payouts[id]);
  if (id.startsWith('pm_'))
    return state.paymentMethods[id] && structuredClone(state.paymentMethods[id].object);
  if (id.startsWith('acct_'))
    return state.accounts[id] && renderAccount(engine, state.accounts[id]);
  if (id.startsWith('ba_') || id.startsWith('card_'))
    return state.externalAccounts[id] && renderExternalAccount(state.externalAccounts[id]);
  return undefined;
}

/**
 * Applies `expand[]` paths such as `latest_charge.balance_transaction` or `data.destination`.
 * Handlers may return live state objects (they are serialized at once), so expansion works on a copy.
 */
export function expand(engine: Engine, value: unknown, paths: string[]) {
  if (paths.length === 0) return value;
  value = structuredClone(value);
  for (const path of paths) {
    if (path.split('.').length > 4)
      throw invalidRequest(
        `You cannot expand more than 4 levels of a property. Property: ${path}`,
        { param: 'expand' },
      );
    expandPath(engine, value, path.split('.'), path);
  }
  return value;
}

function expandPath(engine: Engine, value: unknown, segments: string[], fullPath: string) {
  if (value === null || typeof value !== 'object') return;
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(value)) {
    for (const item of value) expandPath(engine, item, segments, fullPath);
    return;
  }
  const record = value as Record<string, unknown>;
  if (!(head in record)) {
    throw invalidRequest(`This property cannot be expanded (${fullPath}).`, { param: 'expand' });
  }
  let child = record[head];
  if (typeof child === 'string') {
    const found = renderById(engine, child);
    if (found === undefined)
      throw invalidRequest(`This property cannot be expanded (${fullPath}).`, { param: 'expand' });
    const rendered = structuredClone(found);
    record[head] = rendered;
    child = rendered;
  }
  if (rest.length > 0) expandPath(engine, child, rest, fullPath);
}
