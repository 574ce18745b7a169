import { http, HttpResponse } from 'msw';
import type { DefaultBodyType, HttpResponseResolver } from 'msw';
import { API_ROUTES, ERROR_CODES } from '@marketkit/core';
import type { ApiContract, ErrorCode } from '@marketkit/core';
import {
  accountLinkFixture,
  accountSessionFixture,
  accountStatusFixtures,
  balanceFixture,
  checkoutFixture,
  emptyRiskReportFixture,
  loginLinkFixture,
  ordersPageFixture,
  paidOrderFixture,
  payoutScheduleFixture,
  payoutsFixture,
  payoutsPageFixture,
  platformRiskFixture,
} from './fixtures';

/** The routes the kit calls; each is answered by a fixture unless overridden. */
export type HandledRoute = keyof ApiContract;

/** A fixed answer (the JSON body) or a full MSW resolver for one route. */
export type HandlerOverride<Name extends HandledRoute> =
  | ApiContract[Name]['response']
  | HttpResponseResolver<Record<string, string>, DefaultBodyType, DefaultBodyType>;

export type HandlerOverrides = { [Name in HandledRoute]?: HandlerOverride<Name> };

export interface MarketkitHandlersOptions {
  /** Must match the provider's `apiBase`. Default `http://localhost/api/marketkit`. */
  apiBase?: string;
  overrides?: HandlerOverrides;
}

export const TEST_API_BASE = 'http://localhost/api/marketkit';

const defaults: { [Name in HandledRoute]: ApiContract[Name]['response'] } = {
  createAccount: accountStatusFixtures.in_progress,
  getAccountStatus: accountStatusFixtures.in_progress,
  createAccountLink: accountLinkFixture,
  createAccountSession: accountSessionFixture,
  createLoginLink: loginLinkFixture,
  createCheckout: checkoutFixture,
  getOrder: paidOrderFixture,
  listOrders: ordersPageFixture,
  createRefund: {
    refund: {
      id: 're_fixture',
      amount: 100,
      reason: 'requested_by_customer',
      status: 'succeeded',
      createdAt: 0,
      reversals: [],
      platformShare: 100,
    },
    order: paidOrderFixture,
  },
  getBalance: balanceFixture,
  listPayouts: payoutsPageFixture,
  createPayout: { ...payoutsFixture[0]!, id: 'po_new', status: 'pending' },
  getPayoutSchedule: payoutScheduleFixture,
  updatePayoutSchedule: payoutScheduleFixture,
  getRisk: emptyRiskReportFixture,
  getPlatformRisk: platformRiskFixture,
};

/** The server's error envelope, as `@marketkit/server` sends it. */
export function apiErrorResponse(
  code: ErrorCode,
  message: string,
  options: { param?: string; requestId?: string } = {},
) {
  return HttpResponse.json(
    { error: { code, message, ...options } },
    { status: ERROR_CODES[code].status },
  );
}

/** MSW handlers that answer every kit route from typed fixtures; `overrides` replace single routes. */
export function createMarketkitHandlers({
  apiBase = TEST_API_BASE,
  overrides = {},
}: MarketkitHandlersOptions = {}) {
  return (Object.keys(defaults) as HandledRoute[]).map((name) => {
    const route = API_ROUTES[name];
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put';
    const override = overrides[name] as HandlerOverride<typeof name> | undefined;
    const resolver: HttpResponseResolver<
      Record<string, string>,
      DefaultBodyType,
      DefaultBodyType
    > = typeof override === 'function'
      ? override
      : () => HttpResponse.json((override ?? defaults[name]) as Record<string, unknown>);
    return http[method](`${apiBase}${route.path}`, resolver);
  });
}
