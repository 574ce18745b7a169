import { API_ROUTES, CheckoutRequestSchema } from '@marketkit/core/contract';
import { requireUser, type RouteContext } from '../context';
import { json, route, type Route } from '../http/route';
import { parseRequest } from '../http/validation';

export function createCheckoutRoutes(context: RouteContext): Route[] {
  return [
    route('POST', API_ROUTES.createCheckout.path, async (request) => {
      const user = await requireUser(context, request);
      // A price, seller or description in the body is not a newer contract field: it is refused outright.
      const body = parseRequest(CheckoutRequestSchema, request.body, {
        unknownField: 'invalid_request',
      });
      return json(await context.checkout.create(user, body));
    }),
  ];
}
