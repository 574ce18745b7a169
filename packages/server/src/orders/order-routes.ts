import { API_ROUTES, OrdersQuerySchema } from '@marketkit/core/contract';
import { Router } from 'express';
import { requireUser, type RouteContext } from '../context';
import { parseRequest } from '../http/validation';

export function createOrderRoutes(context: RouteContext): Router {
  const router = Router();
  const { orders } = context;

  router.get(API_ROUTES.listOrders.path, async (request, response) => {
    const user = await requireUser(context, request);
    const query = parseRequest(OrdersQuerySchema, { ...request.query });
    response.json(await orders.list(user, query));
  });

  router.get(API_ROUTES.getOrder.path, async (request, response) => {
    const user = await requireUser(context, request);
    response.json(await orders.view(user, String(request.params.orderId)));
  });

  return router;
}
