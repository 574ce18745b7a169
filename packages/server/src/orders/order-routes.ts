import { API_ROUTES, OrdersQuerySchema } from '@marketkit/core/contract';
import { requireUser, type RouteContext } from '../context';
import { json, route, type Route } from '../http/route';
import { parseRequest } from '../http/validation';

export function createOrderRoutes(context: RouteContext): Route[] {
  const { orders } = context;
  return [
    route('GET', API_ROUTES.listOrders.path, async (request) => {
      const user = await requireUser(context, request);
      const query = parseRequest(OrdersQuerySchema, { ...request.query });
      return json(await orders.list(user, query));
    }),

    route('GET', API_ROUTES.getOrder.path, async (request) => {
      const user = await requireUser(context, request);
      return json(await orders.view(user, String(request.params.orderId)));
    }),
  ];
}
