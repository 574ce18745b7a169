import { type Route, apiRoute, at, listRoute, retrieveRoute } from '../http/route';
import { createRefund } from './refunds';
export const refundRoutes: Route[] = [
  apiRoute(
    'POST',
    '/v1/refunds',
    ({ engine, params }) => structuredClone(createRefund(engine, params)),
    { platformOnly: true },
  ),
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
  ),
  retrieveRoute(
    '/v1/refunds/:id',
    {
      find: (context) => context.engine.state.refunds[at(context, 0)],
      kind: 'refund',
      render: (refund) => structuredClone(refund),
    },
    { platformOnly: true },
  ),
];
