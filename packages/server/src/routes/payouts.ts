import type {
  BalanceResponse,
  Payout,
  PayoutSchedule,
  PayoutScheduleResponse,
  PayoutsPage,
} from '@marketkit/core';
import {
  API_ROUTES,
  PayoutCreateRequestSchema,
  PayoutScheduleSchema,
  PayoutsQuerySchema,
} from '@marketkit/core/contract';
import { assertAmount, formatMoney } from '@marketkit/core';
import { Router } from 'express';
import type Stripe from 'stripe';
import { requireOwnAccount, requireUser, type RouteContext } from '../context';
import { HttpError } from '../errors';
import { parseRequest } from '../validation';

const money = (entries: readonly { amount: number; currency: string }[] | undefined) =>
  (entries ?? []).map((entry) => ({ amount: entry.amount, currency: entry.currency }));

function payoutStatus(status: string): Payout['status'] {
  return status === 'paid' ||
    status === 'pending' ||
    status === 'in_transit' ||
    status === 'failed' ||
    status === 'canceled'
    ? status
    : 'pending';
}

export function toPayout(payout: Stripe.Payout): Payout {
  return {
    id: payout.id,
    amount: payout.amount,
    currency: payout.currency,
    status: payoutStatus(payout.status),
    method: payout.method === 'instant' ? 'instant' : 'standard',
    automatic: payout.automatic,
    arrivalDate: payout.arrival_date,
    createdAt: payout.created,
    failureCode: payout.failure_code ?? null,
    failureMessage: payout.failure_message ?? null,
  };
}

function toSchedule(
  schedule: Stripe.Account.Settings.Payouts.Schedule | undefined,
): PayoutSchedule {
  const delay =
    typeof schedule?.delay_days === 'number' ? { delayDays: Math.max(2, schedule.delay_days) } : {};
  switch (schedule?.interval) {
    case 'manual':
      return { interval: 'manual' };
    case 'weekly':
      return {
        interval: 'weekly',
        weeklyAnchor: (schedule.weekly_anchor ?? 'monday') as 'monday',
        ...delay,
      };
    case 'monthly':
      return { interval: 'monthly', monthlyAnchor: schedule.monthly_anchor ?? 1, ...delay };
    default:
      return { interval: 'daily', ...delay };
  }
}

/**
 * Instant payouts need an external account Stripe lists `instant` in `available_payout_methods` for (an
 * eligible debit card) and a positive `instant_available` balance (https://docs.stripe.com/connect/instant-payouts).
 */
function instantPayoutsFor(
  externalAccounts: readonly (Stripe.BankAccount | Stripe.Card)[],
  instantAvailable: readonly { amount: number }[],
): BalanceResponse['instantPayouts'] {
  const eligible = externalAccounts.some((external) =>
    external.available_payout_methods?.includes('instant'),
  );
  if (!eligible) return 'no_eligible_card';
  return instantAvailable.some((entry) => entry.amount > 0) ? 'available' : 'no_instant_balance';
}

export function createPayoutRoutes(context: RouteContext): Router {
  const router = Router();
  const { config } = context;
  const asAccount = (accountId: string) => ({ stripeAccount: accountId });

  router.get(API_ROUTES.getBalance.path, async (request, response) => {
    const user = await requireUser(context, request);
    const { accountId } = await requireOwnAccount(context, user);
    const [balance, payouts, externalAccounts] = await Promise.all([
      config.stripe.balance.retrieve({}, asAccount(accountId)),
      config.stripe.payouts.list({ limit: 10 }, asAccount(accountId)),
      config.stripe.accounts.listExternalAccounts(accountId, { limit: 10 }),
    ]);
    const upcoming = payouts.data
      .filter((payout) => payout.status === 'pending' || payout.status === 'in_transit')
      .sort((a, b) => a.arrival_date - b.arrival_date)[0];
    const instantAvailable = money(balance.instant_available);
    const result: BalanceResponse = {
      available: money(balance.available),
      pending: money(balance.pending),
      connectReserved: money(balance.connect_reserved),
      instantAvailable,
      instantPayouts: instantPayoutsFor(externalAccounts.data, instantAvailable),
      nextPayout: upcoming
        ? {
            id: upcoming.id,
            amount: upcoming.amount,
            currency: upcoming.currency,
            arrivalDate: upcoming.arrival_date,
            status: payoutStatus(upcoming.status),
          }
        : null,
    };
    response.json(result);
  });

  router.get(API_ROUTES.listPayouts.path, async (request, response) => {
    const user = await requireUser(context, request);
    const query = parseRequest(PayoutsQuerySchema, { ...request.query });
    const { accountId } = await requireOwnAccount(context, user);
    const limit = query.limit ?? 10;
    const page = await config.stripe.payouts.list(
      { limit, ...(query.startingAfter ? { starting_after: query.startingAfter } : {}) },
      asAccount(accountId),
    );
    const data = page.data.map(toPayout);
    const result: PayoutsPage = {
      data,
      hasMore: page.has_more,
      nextCursor: page.has_more ? (data[data.length - 1]?.id ?? null) : null,
    };
    response.json(result);
  });

  router.post(API_ROUTES.createPayout.path, async (request, response) => {
    const user = await requireUser(context, request, ['seller', 'admin']);
    const body = parseRequest(PayoutCreateRequestSchema, request.body ?? {});
    const record = await requireOwnAccount(context, user);
    const account = await context.accounts.refresh(record.accountId);
    if (!account?.status?.payouts_enabled) {
      throw new HttpError(
        'payouts_not_enabled',
        'Payouts are not enabled on your account yet; finish onboarding first.',
      );
    }
    const currency =
      body.currency ?? account.status.default_currency ?? config.platform.defaultCurrency;
    const balance = await config.stripe.balance.retrieve({}, asAccount(record.accountId));
    const pool = body.method === 'instant' ? balance.instant_available : balance.available;
    const available = pool?.find((entry) => entry.currency === currency)?.amount ?? 0;
    const amount = body.amount ?? available;
    const instantEligible =
      body.method !== 'instant' ||
      (
        await config.stripe.accounts.listExternalAccounts(record.accountId, { limit: 10 })
      ).data.some((external) => external.available_payout_methods?.includes('instant'));
    if (body.method === 'instant' && (!instantEligible || available <= 0 || amount > available)) {
      throw new HttpError(
        'instant_payout_unavailable',
        'Instant payouts need an eligible debit card and enough instantly available funds.',
      );
    }
    if (amount <= 0 || amount > available) {
      throw new HttpError(
        'payout_insufficient_funds',
        `Only ${formatMoney(Math.max(0, available), currency)} is available to pay out.`,
        { param: 'amount' },
      );
    }
    assertAmount(amount, currency);
    const key = request.get('Idempotency-Key');
    const payout = await config.stripe.payouts.create(
      { amount, currency, method: body.method },
      {
        ...asAccount(record.accountId),
        ...(key ? { idempotencyKey: `payout:${record.accountId}:${key.slice(0, 200)}` } : {}),
      },
    );
    response.json(toPayout(payout));
  });

  router.get(API_ROUTES.getPayoutSchedule.path, async (request, response) => {
    const user = await requireUser(context, request);
    const { accountId } = await requireOwnAccount(context, user);
    const account = await config.stripe.accounts.retrieve(accountId);
    const result: PayoutScheduleResponse = {
      schedule: toSchedule(account.settings?.payouts?.schedule),
      editable: config.payoutScheduleEditable,
    };
    response.json(result);
  });

  router.put(API_ROUTES.updatePayoutSchedule.path, async (request, response) => {
    const user = await requireUser(context, request, ['seller', 'admin']);
    const schedule = parseRequest(PayoutScheduleSchema, request.body);
    if (!config.payoutScheduleEditable)
      throw new HttpError('forbidden', 'This marketplace sets payout schedules itself.');
    const { accountId } = await requireOwnAccount(context, user);
    const params: Stripe.AccountUpdateParams.Settings.Payouts.Schedule = {
      interval: schedule.interval,
    };
    if (schedule.interval !== 'manual' && schedule.delayDays !== undefined)
      params.delay_days = schedule.delayDays;
    if (schedule.interval === 'weekly') params.weekly_anchor = schedule.weeklyAnchor;
    if (schedule.interval === 'monthly') params.monthly_anchor = schedule.monthlyAnchor;
    const account = await config.stripe.accounts.update(accountId, {
      settings: { payouts: { schedule: params } },
    });
    const result: PayoutScheduleResponse = {
      schedule: toSchedule(account.settings?.payouts?.schedule),
      editable: true,
    };
    response.json(result);
  });

  return router;
}
