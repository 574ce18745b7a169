import {
  API_ROUTES,
  PayoutCreateRequestSchema,
  PayoutScheduleSchema,
  PayoutsQuerySchema,
} from '@marketkit/core/contract';
import { requireOwnAccount, requireUser, type RouteContext } from '../context';
import { readIdempotencyKey } from '../http/idempotency';
import { json, route, type Route } from '../http/route';
import { parseRequest } from '../http/validation';

export function createPayoutRoutes(context: RouteContext): Route[] {
  const { payouts } = context;
  return [
    route('GET', API_ROUTES.getBalance.path, async (request) => {
      const user = await requireUser(context, request);
      const { accountId } = await requireOwnAccount(context, user);
      return json(await payouts.balance(accountId));
    }),

    route('GET', API_ROUTES.listPayouts.path, async (request) => {
      const user = await requireUser(context, request);
      const query = parseRequest(PayoutsQuerySchema, { ...request.query });
      const { accountId } = await requireOwnAccount(context, user);
      return json(await payouts.list(accountId, query));
    }),

    route('POST', API_ROUTES.createPayout.path, async (request) => {
      const user = await requireUser(context, request, ['seller', 'admin']);
      const body = parseRequest(PayoutCreateRequestSchema, request.body ?? {});
      const idempotencyKey = readIdempotencyKey(request);
      const { accountId } = await requireOwnAccount(context, user);
      return json(await payouts.create(accountId, { ...body, idempotencyKey }));
    }),

    route('GET', API_ROUTES.getPayoutSchedule.path, async (request) => {
      const user = await requireUser(context, request);
      const { accountId } = await requireOwnAccount(context, user);
      return json(await payouts.schedule(accountId));
    }),

    route('PUT', API_ROUTES.updatePayoutSchedule.path, async (request) => {
      const user = await requireUser(context, request, ['seller', 'admin']);
      const schedule = parseRequest(PayoutScheduleSchema, request.body);
      const { accountId } = await requireOwnAccount(context, user);
      return json(await payouts.updateSchedule(accountId, schedule));
    }),
  ];
}
