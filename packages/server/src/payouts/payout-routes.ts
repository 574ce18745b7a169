import {
  API_ROUTES,
  PayoutCreateRequestSchema,
  PayoutScheduleSchema,
  PayoutsQuerySchema,
} from '@marketkit/core/contract';
import { Router } from 'express';
import { requireOwnAccount, requireUser, type RouteContext } from '../context';
import { readIdempotencyKey } from '../http/idempotency';
import { parseRequest } from '../http/validation';

export function createPayoutRoutes(context: RouteContext): Router {
  const router = Router();
  const { payouts } = context;

  router.get(API_ROUTES.getBalance.path, async (request, response) => {
    const user = await requireUser(context, request);
    const { accountId } = await requireOwnAccount(context, user);
    response.json(await payouts.balance(accountId));
  });

  router.get(API_ROUTES.listPayouts.path, async (request, response) => {
    const user = await requireUser(context, request);
    const query = parseRequest(PayoutsQuerySchema, { ...request.query });
    const { accountId } = await requireOwnAccount(context, user);
    response.json(await payouts.list(accountId, query));
  });

  router.post(API_ROUTES.createPayout.path, async (request, response) => {
    const user = await requireUser(context, request, ['seller', 'admin']);
    const body = parseRequest(PayoutCreateRequestSchema, request.body ?? {});
    const idempotencyKey = readIdempotencyKey(request);
    const { accountId } = await requireOwnAccount(context, user);
    response.json(await payouts.create(accountId, { ...body, idempotencyKey }));
  });

  router.get(API_ROUTES.getPayoutSchedule.path, async (request, response) => {
    const user = await requireUser(context, request);
    const { accountId } = await requireOwnAccount(context, user);
    response.json(await payouts.schedule(accountId));
  });

  router.put(API_ROUTES.updatePayoutSchedule.path, async (request, response) => {
    const user = await requireUser(context, request, ['seller', 'admin']);
    const schedule = parseRequest(PayoutScheduleSchema, request.body);
    const { accountId } = await requireOwnAccount(context, user);
    response.json(await payouts.updateSchedule(accountId, schedule));
  });

  return router;
}
