import { type Route, apiRoute, at, listRoute } from '../http/route';
import { chargeRecord, renderCharge } from './charges';
export const chargeRoutes: Route[] = [
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
  ),
  apiRoute(
    'GET',
    '/v1/charges/:id',
    (context) => renderCharge(context.engine, chargeRecord(context.engine, at(context, 0), 'id')),
    { platformOnly: true },
  ),
];
