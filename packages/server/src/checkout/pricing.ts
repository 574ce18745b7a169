import { MAX_AMOUNT, assertAmount, isMoneyError } from '@marketkit/core';
import type { CheckoutItem } from '@marketkit/core';
import { HttpError } from '../http/errors';
import type { Logger } from '../http/logger';
import type { AuthenticatedUser, PricedLine, Pricing } from '../options';

/** Thrown by a `pricing` function for an item its catalogue does not sell; the buyer gets `400 unknown_item`. */
export class UnknownItemError extends Error {
  readonly itemId: string;

  constructor(itemId: string, message = `No item "${itemId}" in this catalogue.`) {
    super(message);
    this.name = 'UnknownItemError';
    this.itemId = itemId;
  }
}

export function isUnknownItemError(error: unknown): error is UnknownItemError {
  return error instanceof UnknownItemError;
}

export interface CatalogueItem {
  /** The marketplace user id of the seller. */
  sellerId: string;
  description: string;
  /** Unit price in minor units. */
  amount: number;
  currency: string;
}

/**
 * A `pricing` for a catalogue that fits in memory: `{ [itemId]: { sellerId, description, amount, currency } }`.
 * An item sold in another currency than the checkout's is unknown in that currency.
 */
export function createStaticPricing(catalogue: Readonly<Record<string, CatalogueItem>>): Pricing {
  const entries = new Map(Object.entries(catalogue));
  return ({ items, currency }) =>
    items.map((item) => {
      const entry = entries.get(item.itemId);
      if (!entry) throw new UnknownItemError(item.itemId);
      if (entry.currency !== currency)
        throw new UnknownItemError(
          item.itemId,
          `Item "${item.itemId}" is not sold in ${currency}.`,
        );
      return {
        itemId: item.itemId,
        sellerId: entry.sellerId,
        description: entry.description,
        amount: entry.amount,
        quantity: item.quantity,
      };
    });
}

/** The app's mistake, not the buyer's: logged with the reason, answered `500 pricing_invalid`. */
function invalid(logger: Logger, reason: string, detail: Record<string, unknown> = {}): never {
  logger.error({ reason, ...detail }, 'pricing returned an invalid line; nothing was charged');
  throw new HttpError(
    'pricing_invalid',
    'The marketplace could not price this cart. Nothing was charged; details are in the server log.',
  );
}

const unknownItem = (items: readonly CheckoutItem[], itemId: string, message: string) => {
  const index = Math.max(
    0,
    items.findIndex((item) => item.itemId === itemId),
  );
  return new HttpError('unknown_item', message, { param: `items[${index}].itemId` });
};

/**
 * Runs the app's `pricing` and checks what it returned: exactly one well-formed line per requested item,
 * in the request's order. Sellers are checked by the caller (it has the accounts).
 */
export async function priceItems(
  pricing: Pricing,
  logger: Logger,
  input: { items: readonly Required<CheckoutItem>[]; currency: string; user: AuthenticatedUser },
): Promise<PricedLine[]> {
  let result: unknown;
  try {
    result = await pricing(input);
  } catch (error) {
    if (isUnknownItemError(error)) throw unknownItem(input.items, error.itemId, error.message);
    throw error;
  }
  if (!Array.isArray(result)) invalid(logger, 'pricing did not return an array');
  const byItem = new Map<string, PricedLine>();
  for (const [index, candidate] of (result as unknown[]).entries()) {
    const line = candidate as Partial<PricedLine> | null;
    const at = { line: index };
    if (line === null || typeof line !== 'object') invalid(logger, 'a line is not an object', at);
    if (typeof line.itemId !== 'string') invalid(logger, 'a line has no itemId', at);
    if (typeof line.sellerId !== 'string' || line.sellerId.length === 0)
      invalid(logger, 'a line has no sellerId', { ...at, itemId: line.itemId });
    if (typeof line.description !== 'string' || line.description.length === 0)
      invalid(logger, 'a line has no description', { ...at, itemId: line.itemId });
    if (
      typeof line.amount !== 'number' ||
      !Number.isInteger(line.amount) ||
      line.amount <= 0 ||
      line.amount > MAX_AMOUNT
    ) {
      invalid(logger, 'a line amount is not a positive integer in minor units', {
        ...at,
        itemId: line.itemId,
        amount: String(line.amount),
      });
    }
    try {
      assertAmount(line.amount, input.currency);
    } catch (error) {
      if (!isMoneyError(error)) throw error;
      invalid(logger, `a line amount is not valid in ${input.currency}: ${error.message}`, {
        ...at,
        itemId: line.itemId,
      });
    }
    if (byItem.has(line.itemId))
      invalid(logger, 'two lines price the same item', { ...at, itemId: line.itemId });
    byItem.set(line.itemId, line as PricedLine);
  }
  const lines = input.items.map((item) => {
    const line = byItem.get(item.itemId);
    if (!line) throw unknownItem(input.items, item.itemId, `No item "${item.itemId}" for sale.`);
    if (line.quantity !== item.quantity) {
      invalid(logger, 'a line quantity differs from the requested quantity', {
        itemId: item.itemId,
      });
    }
    byItem.delete(item.itemId);
    return line;
  });
  if (byItem.size > 0)
    invalid(logger, 'pricing returned a line for an item nobody asked for', {
      itemId: [...byItem.keys()][0],
    });
  return lines;
}
