import type {
  BalanceResponse,
  Payout,
  PayoutSchedule,
  PayoutScheduleResponse,
  PayoutsPage,
} from '@marketkit/core';
import type { PayoutCreateRequest } from '@marketkit/core';
import { assertAmount, formatMoney } from '@marketkit/core';
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { AccountService } from '../accounts/account-service';
import { HttpError } from '../http/errors';
import { assertRetryable, findStoredRequest } from '../http/idempotency';
import { callStripe } from '../outbox/retry';
import type { MarketkitConfig } from '../parse-options';
import * as repository from '../stores/repository';
import type { PayoutRequestRecord } from '../stores/repository';
import type { CursorQuery } from '../orders/order-service';

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

function toPayout(payout: Stripe.Payout): Payout {
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

const asAccount = (accountId: string) => ({ stripeAccount: accountId });
const PAYOUT_ID = /^po_[A-Za-z0-9]{1,64}$/;

export interface PayoutService {
  balance(accountId: string): Promise<BalanceResponse>;
  /** A page of the account's payouts; an unknown or foreign `startingAfter` is one `400 invalid_request`. */
  list(accountId: string, query: CursorQuery): Promise<PayoutsPage>;
  /**
   * Pays out, safe to retry: the request is stored with its key before Stripe is called (see
   * `refund-requests.ts` for the rule; without a key the account's unfinished request is resumed).
   */
  create(
    accountId: string,
    request: PayoutCreateRequest & { idempotencyKey?: string | undefined },
  ): Promise<Payout>;
  schedule(accountId: string): Promise<PayoutScheduleResponse>;
  updateSchedule(accountId: string, schedule: PayoutSchedule): Promise<PayoutScheduleResponse>;
}

export function createPayoutService(
  config: MarketkitConfig,
  accounts: AccountService,
): PayoutService {
  const { stripe, store } = config;

  const findExisting = (
    accountId: string,
    input: PayoutCreateRequest & { idempotencyKey?: string | undefined },
  ) =>
    findStoredRequest<PayoutRequestRecord>({
      clientKey: input.idempotencyKey,
      byKey: (key) => repository.findPayoutRequest(store, `payout:${accountId}:key:${key}`),
      pending: () => repository.findPendingPayoutRequest(store, accountId),
      matches: (stored) =>
        (input.amount === undefined || input.amount === stored.amount) &&
        (input.method ?? 'standard') === stored.method &&
        (input.currency === undefined || input.currency === stored.currency),
      describe: (stored) => `a ${stored.method} payout of ${stored.amount} ${stored.currency}`,
      inProgress: 'payout_in_progress',
    });

  async function open(
    accountId: string,
    input: PayoutCreateRequest & { idempotencyKey?: string | undefined },
  ): Promise<PayoutRequestRecord> {
    const account = await accounts.refresh(accountId);
    if (!account?.status?.payouts_enabled) {
      throw new HttpError(
        'payouts_not_enabled',
        'Payouts are not enabled on your account yet; finish onboarding first.',
      );
    }
    const method = input.method ?? 'standard';
    const currency =
      input.currency ?? account.status.default_currency ?? config.platform.defaultCurrency;
    const balance = await stripe.balance.retrieve({}, asAccount(accountId));
    const pool = method === 'instant' ? balance.instant_available : balance.available;
    const available = pool?.find((entry) => entry.currency === currency)?.amount ?? 0;
    const amount = input.amount ?? available;
    const instantEligible =
      method !== 'instant' ||
      (await stripe.accounts.listExternalAccounts(accountId, { limit: 10 })).data.some((external) =>
        external.available_payout_methods?.includes('instant'),
      );
    if (method === 'instant' && (!instantEligible || available <= 0 || amount > available)) {
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
    const request = {
      idempotencyKey:
        input.idempotencyKey !== undefined
          ? `payout:${accountId}:key:${input.idempotencyKey}`
          : `payout:${accountId}:request:${randomBytes(12).toString('base64url')}`,
      accountId,
      amount,
      currency,
      method,
    } as const;
    if (await repository.insertPayoutRequest(store, request))
      return { ...request, status: 'pending', payoutId: null };
    const winner = await findExisting(accountId, input);
    if (!winner) throw new HttpError('payout_in_progress', 'Another payout just started; retry.');
    return winner;
  }

  return {
    async balance(accountId) {
      const [balance, payouts, externalAccounts] = await Promise.all([
        stripe.balance.retrieve({}, asAccount(accountId)),
        stripe.payouts.list({ limit: 10 }, asAccount(accountId)),
        stripe.accounts.listExternalAccounts(accountId, { limit: 10 }),
      ]);
      const upcoming = payouts.data
        .filter((payout) => payout.status === 'pending' || payout.status === 'in_transit')
        .sort((a, b) => a.arrival_date - b.arrival_date)[0];
      const instantAvailable = money(balance.instant_available);
      return {
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
    },
    async list(accountId, query) {
      const limit = query.limit ?? 10;
      const unknownCursor = () =>
        new HttpError('invalid_request', 'No such payout in your list to start after.', {
          param: 'startingAfter',
        });
      if (query.startingAfter !== undefined && !PAYOUT_ID.test(query.startingAfter))
        throw unknownCursor();
      let page: Stripe.ApiList<Stripe.Payout>;
      try {
        page = await stripe.payouts.list(
          { limit, ...(query.startingAfter ? { starting_after: query.startingAfter } : {}) },
          asAccount(accountId),
        );
      } catch (error) {
        // Stripe answers a cursor it cannot find on this account (unknown, or another seller's) with a
        // 4xx; both become the same answer so payout ids cannot be probed.
        if (
          query.startingAfter !== undefined &&
          error instanceof Stripe.errors.StripeInvalidRequestError
        )
          throw unknownCursor();
        throw error;
      }
      const data = page.data.map(toPayout);
      return {
        data,
        hasMore: page.has_more,
        nextCursor: page.has_more ? (data[data.length - 1]?.id ?? null) : null,
      };
    },
    async create(accountId, input) {
      const request = (await findExisting(accountId, input)) ?? (await open(accountId, input));
      assertRetryable(request);
      const payout = await callStripe(
        () =>
          stripe.payouts.create(
            { amount: request.amount, currency: request.currency, method: request.method },
            { ...asAccount(accountId), idempotencyKey: request.idempotencyKey },
          ),
        () => repository.settlePayoutRequest(store, request.idempotencyKey, { status: 'failed' }),
      );
      if (request.status === 'pending') {
        await repository.settlePayoutRequest(store, request.idempotencyKey, {
          status: 'succeeded',
          id: payout.id,
        });
      }
      return toPayout(payout);
    },
    async schedule(accountId) {
      const account = await stripe.accounts.retrieve(accountId);
      return {
        schedule: toSchedule(account.settings?.payouts?.schedule),
        editable: config.payoutScheduleEditable,
      };
    },
    async updateSchedule(accountId, schedule) {
      if (!config.payoutScheduleEditable)
        throw new HttpError('forbidden', 'This marketplace sets payout schedules itself.');
      const params: Stripe.AccountUpdateParams.Settings.Payouts.Schedule = {
        interval: schedule.interval,
      };
      if (schedule.interval !== 'manual' && schedule.delayDays !== undefined)
        params.delay_days = schedule.delayDays;
      if (schedule.interval === 'weekly') params.weekly_anchor = schedule.weeklyAnchor;
      if (schedule.interval === 'monthly') params.monthly_anchor = schedule.monthlyAnchor;
      const account = await stripe.accounts.update(accountId, {
        settings: { payouts: { schedule: params } },
      });
      return { schedule: toSchedule(account.settings?.payouts?.schedule), editable: true };
    },
  };
}
