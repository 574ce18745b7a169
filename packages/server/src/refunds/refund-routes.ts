import { API_ROUTES, RefundRequestSchema } from '@marketkit/core/contract';
import { Router } from 'express';
import { requireUser, type RouteContext } from '../context';
import { readIdempotencyKey } from '../http/idempotency';
import { parseRequest } from '../http/validation';

export function createRefundRoutes(context: RouteContext): Router {
  const router = Router();

  router.post(API_ROUTES.createRefund.path, async (request, response) => {
    await requireUser(context, request, ['admin']);
    const body = parseRequest(RefundRequestSchema, request.body);
    const idempotencyKey = readIdempotencyKey(request);
    const order = await context.orders.find(String(request.params.orderId));
    response.json(await context.refunds.refund(order, { ...body, idempotencyKey }));
  });

  return router;
}
