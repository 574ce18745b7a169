import { invalidRequest } from './errors';
import type { Params } from './params';

export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/**
 * Stripe list semantics over items given oldest first: newest first, `limit` (1–100, default 10),
 * `starting_after` / `ending_before` cursors by id, `has_more`.
 */
export function paginate<T extends { id: string; created?: number }, R = T>(
  items: T[],
  params: Params,
  url: string,
  render: (item: T) => R = (item) => item as unknown as R,
): ListObject<R> {
  items = filterCreated(items, params);
  const limit = params.integer('limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest(
      'This value must be greater than or equal to 1 and less than or equal to 100.',
      { param: 'limit', code: 'parameter_invalid_integer' },
    );
  }
  const newestFirst = [...items].reverse();
  const startingAfter = params.string('starting_after');
  const endingBefore = params.string('ending_before');
  let page: T[];
  let hasMore: boolean;
  if (endingBefore) {
    const index = newestFirst.findIndex((item) => item.id === endingBefore);
    if (index === -1)
      throw invalidRequest(`No such object: '${endingBefore}'`, {
        param: 'ending_before',
        code: 'resource_missing',
        status: 404,
      });
    const before = newestFirst.slice(0, index);
    page = before.slice(Math.max(0, before.length - limit));
    hasMore = before.length > limit;
  } else {
    let start = 0;
    if (startingAfter) {
      const index = newestFirst.findIndex((item) => item.id === startingAfter);
      if (index === -1)
        throw invalidRequest(`No such object: '${startingAfter}'`, {
          param: 'starting_after',
          code: 'resource_missing',
          status: 404,
        });
      start = index + 1;
    }
    page = newestFirst.slice(start, start + limit);
    hasMore = start + limit < newestFirst.length;
  }
  return { object: 'list', data: page.map(render), has_more: hasMore, url };
}

/** Stripe's `created` list filter: an exact timestamp or `created[gt|gte|lt|lte]`. */
function filterCreated<T extends { created?: number }>(items: T[], params: Params): T[] {
  if (!params.has('created')) return items;
  const exact = typeof params.values.created === 'string' ? params.integer('created') : undefined;
  const range = exact === undefined ? params.object('created') : undefined;
  const bounds = {
    gt: range?.integer('gt'),
    gte: range?.integer('gte'),
    lt: range?.integer('lt'),
    lte: range?.integer('lte'),
  };
  return items.filter((item) => {
    const created = item.created;
    if (created === undefined) return true;
    if (exact !== undefined) return created === exact;
    return (
      (bounds.gt === undefined || created > bounds.gt) &&
      (bounds.gte === undefined || created >= bounds.gte) &&
      (bounds.lt === undefined || created < bounds.lt) &&
      (bounds.lte === undefined || created <= bounds.lte)
    );
  });
}
