import { refreshAccount } from '../accounts/verification';
import { notFound } from '../http/errors';
import { type ApiContext, type Route, apiRoute, at, listRoute } from '../http/route';
import {
  addExternalAccount,
  deleteExternalAccount,
  externalAccountShape,
  externalAccountsOf,
  renderExternalAccount,
} from './external-accounts';
/** The path's external account, found only under the path's account. */
function externalAccountRecord(context: ApiContext) {
  const external = context.engine.state.externalAccounts[at(context, 1)];
  if (!external || external.object.account !== at(context, 0))
    throw notFound('external account', at(context, 1));
  return external;
}

export const externalAccountRoutes: Route[] = [
  apiRoute(
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
  ),
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
  ),
  apiRoute('GET', '/v1/accounts/:id/external_accounts/:external', (context) =>
    renderExternalAccount(externalAccountRecord(context)),
  ),
  apiRoute('POST', '/v1/accounts/:id/external_accounts/:external', (context) => {
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
  }),
  apiRoute('DELETE', '/v1/accounts/:id/external_accounts/:external', (context) => {
    const result = deleteExternalAccount(context.engine, at(context, 0), at(context, 1));
    refreshAccount(context.engine, context.engine.accountRecord(at(context, 0)));
    return result;
  }),
];
