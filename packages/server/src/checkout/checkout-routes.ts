import { API_ROUTES, CheckoutRequestSchema } from '@marketkit/core/contract';
import { Router } from 'express';
import { requireUser, type RouteContext } from '../context';
import { parseRequest } from '../http/validation';

export function createCheckoutRoutes(context: RouteContext): Router {
  const router = Router();

  router.post(API_ROUTES.createCheckout.path, async (request, response) => {
    const user = await requireUser(context, request);
    // A price, seller or description in the body is not a newer contract field: it is refused outright.
    const body = parseRequest(CheckoutRequestSchema, request.body, {
      unknownField: 'invalid_request',
    });
    response.json(await context.checkout.create(user, body));
  });

  return router;
}
