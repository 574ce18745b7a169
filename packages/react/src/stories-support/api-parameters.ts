import { delay, HttpResponse } from 'msw';
import type { ErrorCode, Payout, PayoutsPage } from '@marketkit/core';
import { apiErrorResponse, createMarketkitHandlers } from '../test/handlers';
import type { HandlerOverrides } from '../test/handlers';
import { STORYBOOK_API_BASE } from './constants';

/**
 * Story parameters that answer the kit's routes from fixtures, with `overrides` for the routes the
 * story is about; the Stripe and Connect stand-in handlers from the preview stay in place.
 */
export function apiParameters(overrides: HandlerOverrides = {}) {
  return {
    msw: {
      handlers: { marketkit: createMarketkitHandlers({ apiBase: STORYBOOK_API_BASE, overrides }) },
    },
  };
}

/** A route that never answers: the component's loading state, frozen for designers and tests. */
export async function neverAnswers() {
  await delay('infinite');
  return new HttpResponse(null, { status: 204 });
}

/** A route that fails the way `@marketkit/server` fails, with its error envelope. */
export function failsWith(code: ErrorCode, message: string) {
  return () => apiErrorResponse(code, message, { requestId: 'req_storybook' });
}

/** A route whose server cannot be reached (the browser's `TypeError: Failed to fetch`). */
export function networkFailure() {
  return HttpResponse.error();
}

/**
 * `GET /payouts` over a fixed list, honouring `limit` and `startingAfter` like the server, so pagination
 * stories page through real cursors.
 */
export function paginatedPayouts(payouts: readonly Payout[]) {
  return ({ request }: { request: Request }) => {
    const query = new URL(request.url).searchParams;
    const limit = Number(query.get('limit') ?? 10);
    const startingAfter = query.get('startingAfter');
    const start = startingAfter
      ? payouts.findIndex((payout) => payout.id === startingAfter) + 1
      : 0;
    const data = payouts.slice(start, start + limit);
    const hasMore = start + limit < payouts.length;
    const page: PayoutsPage = {
      data,
      hasMore,
      nextCursor: hasMore ? (data.at(-1)?.id ?? null) : null,
    };
    return HttpResponse.json(page);
  };
}
