import { API_ROUTES, RefundRequestSchema } from '@marketkit/core/contract';
import { requireUser, type RouteContext } from '../context';
import { readIdempotencyKey } from '../http/idempotency';
import { json, route, type Route } from '../http/route';
import { parseRequest } from '../http/validation';

export function createRefundRoutes(context: RouteContext): Route[] {
  return [
    route('POST', API_ROUTES.createRefund.path, async (request) => {
      await requireUser(context, request, ['admin']);
      const body = parseRequest(RefundRequestSchema, request.body);
      const idempotencyKey = readIdempotencyKey(request);
      const order = await context.orders.find(String(request.params.orderId));
      return json(await context.refunds.refund(order, { ...body, idempotencyKey }));
    }),
  ];
}
