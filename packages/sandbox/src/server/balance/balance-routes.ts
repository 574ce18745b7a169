import { type Route, apiRoute, findOwned, listRoute, retrieveRoute } from '../http/route';
export const balanceRoutes: Route[] = [
  apiRoute('GET', '/v1/balance', ({ engine, params, account }) => {
    params.allowOnly([]);
    return engine.balance(account);
  }),
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
  }),
  retrieveRoute('/v1/balance_transactions/:id', {
    find: (context) => findOwned(context, context.engine.state.balanceTransactions),
    kind: 'balance transaction',
    render: (transaction, engine) => engine.renderBalanceTransaction(transaction),
  }),
];
