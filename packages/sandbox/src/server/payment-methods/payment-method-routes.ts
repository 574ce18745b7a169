import { type Route, apiRoute, at, retrieveRoute } from '../http/route';
import { createPaymentMethodFromParams } from './payment-methods';
export const paymentMethodRoutes: Route[] = [
  apiRoute(
    'POST',
    '/v1/payment_methods',
    ({ engine, params }) => structuredClone(createPaymentMethodFromParams(engine, params).object),
    {
      publishable: true,
    },
  ),
  retrieveRoute('/v1/payment_methods/:id', {
    find: (context) => context.engine.state.paymentMethods[at(context, 0)],
    kind: 'PaymentMethod',
    render: (method) => structuredClone(method.object),
  }),
];
