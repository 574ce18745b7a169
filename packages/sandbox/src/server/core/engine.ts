import type Stripe from 'stripe';
import type { AccountRecord, BalanceTransactionObject, EventObject, SandboxState } from './state';
import { notFound } from '../http/errors';
import { createId } from '../ids';
import type { WebhookDispatcher } from '../webhook-endpoints/webhook-dispatcher';

export const apiVersion = '2026-10-28.endive';
export const day = 86_400;

export type BalanceObject = Pick<
  Stripe.Balance,
  'object' | 'available' | 'pending' | 'connect_reserved' | 'instant_available' | 'livemode'
>;

/**
 * How webhook deliveries are signed: `per-endpoint` as Stripe does (each endpoint its own `whsec_`,
 * returned once by `webhookEndpoints.create`), or `shared`, one secret for every endpoint like `stripe listen`.
 */
export type WebhookSigning = 'per-endpoint' | 'shared';

export interface RequestInfo {
  id: string;
  idempotencyKey: string | null;
}

/**
 * The sandbox's shared core: state, clock, the immutable ledger and event emission. Domain modules
 * (accounts, payments, transfers, payouts) are plain functions over an Engine.
 */
export class Engine {
  state: SandboxState;
  readonly url: string;
  webhooks: WebhookDispatcher | undefined;
  /** The request being handled, stamped onto events like Stripe's `event.request`. */
  request: RequestInfo | null = null;
  webhookSigning: WebhookSigning = 'per-endpoint';
  /** Counts writes, so the idempotency layer can tell a request that started executing from one refused up front. */
  mutations = 0;
  private readonly onChange: () => void;

  constructor(state: SandboxState, url: string, onChange: () => void) {
    this.state = state;
    this.url = url;
    this.onChange = onChange;
  }

  now() {
    return this.state.now;
  }

  changed() {
    this.mutations += 1;
    this.onChange();
  }

  get platformId() {
    return this.state.platformAccountId;
  }

  isPlatform(accountId: string) {
    return accountId === this.state.platformAccountId;
  }

  setOwner(objectId: string, accountId: string) {
    this.mutations += 1;
    this.state.owners[objectId] = accountId;
  }

  ownerOf(objectId: string) {
    return this.state.owners[objectId];
  }

  /** A connected account visible to the platform, or a 404 like Stripe's. */
  accountRecord(id: string, param = 'account'): AccountRecord {
    const record = this.state.accounts[id];
    if (!record || record.deleted) throw notFound('account', id, param);
    return record;
  }

  /** Appends one immutable balance transaction. Nothing ever edits it afterwards. */
  addBalanceTransaction(
    owner: string,
    input: {
      amount: number;
      currency: string;
      type: Stripe.BalanceTransaction.Type;
      reporting_category: string;
      source: string | null;
      fee?: number;
      fee_description?: string;
      available_on?: number;
      description?: string | null;
    },
  ): BalanceTransactionObject {
    const fee = input.fee ?? 0;
    const transaction: BalanceTransactionObject = {
      id: createId('txn'),
      object: 'balance_transaction',
      amount: input.amount,
      available_on: input.available_on ?? this.now(),
      balance_type: 'payments',
      created: this.now(),
      currency: input.currency,
      description: input.description ?? null,
      fee,
      fee_details: fee
        ? [
            {
              amount: fee,
              currency: input.currency,
              application: null,
              description: input.fee_description ?? 'Stripe processing fees',
              type: 'stripe_fee',
            },
          ]
        : [],
      net: input.amount - fee,
      reporting_category: input.reporting_category,
      source: input.source,
      type: input.type,
    };
    this.state.balanceTransactions[transaction.id] = Object.freeze(transaction);
    this.setOwner(transaction.id, owner);
    return transaction;
  }

  renderBalanceTransaction(transaction: BalanceTransactionObject): Stripe.BalanceTransaction {
    return {
      ...structuredClone(transaction),
      exchange_rate: null,
      status: transaction.available_on <= this.now() ? 'available' : 'pending',
    } as Stripe.BalanceTransaction;
  }

  /** Sums of `net` per currency: available once `available_on` has passed, pending before. */
  balanceTotals(owner: string) {
    const totals = new Map<string, { available: number; pending: number }>();
    const now = this.now();
    for (const transaction of Object.values(this.state.balanceTransactions)) {
      if (this.state.owners[transaction.id] !== owner) continue;
      const entry = totals.get(transaction.currency) ?? { available: 0, pending: 0 };
      if (transaction.available_on <= now) entry.available += transaction.net;
      else entry.pending += transaction.net;
      totals.set(transaction.currency, entry);
    }
    return totals;
  }

  /** Funds held on the platform for negative balances of accounts whose losses it covers. */
  connectReserved(currency: string) {
    let reserved = 0;
    for (const record of Object.values(this.state.accounts)) {
      if (record.deleted || record.account.controller?.requirement_collection !== 'application')
        continue;
      const totals = this.balanceTotals(record.account.id).get(currency);
      if (totals && totals.available < 0) reserved -= totals.available;
    }
    return reserved;
  }

  /**
   * Card funds can be paid out instantly as soon as the charge completes
   * (https://docs.stripe.com/connect/instant-payouts), so pending card funds count too. Every sandbox
   * balance comes from card payments.
   */
  instantAvailableBalance(owner: string, currency: string) {
    const totals = this.balanceTotals(owner).get(currency);
    const held = this.isPlatform(owner) ? this.connectReserved(currency) : 0;
    return Math.max((totals?.available ?? 0) + (totals?.pending ?? 0) - held, 0);
  }

  availableBalance(owner: string, currency: string) {
    const available = this.balanceTotals(owner).get(currency)?.available ?? 0;
    return this.isPlatform(owner) ? available - this.connectReserved(currency) : available;
  }

  balance(owner: string): BalanceObject {
    const totals = this.balanceTotals(owner);
    const currencies = totals.size ? [...totals.keys()] : [this.defaultCurrency(owner)];
    const available: Stripe.Balance.Available[] = [];
    const pending: Stripe.Balance.Pending[] = [];
    const reserved: Stripe.Balance.ConnectReserved[] = [];
    for (const currency of currencies) {
      const entry = totals.get(currency) ?? { available: 0, pending: 0 };
      const held = this.isPlatform(owner) ? this.connectReserved(currency) : 0;
      available.push({
        amount: entry.available - held,
        currency,
        source_types: { card: entry.available - held },
      });
      pending.push({ amount: entry.pending, currency, source_types: { card: entry.pending } });
      reserved.push({ amount: held, currency });
    }
    return {
      object: 'balance',
      available,
      pending,
      connect_reserved: reserved,
      instant_available: available.map((entry) => ({
        amount: this.instantAvailableBalance(owner, entry.currency),
        currency: entry.currency,
      })),
      livemode: false,
    };
  }

  defaultCurrency(owner: string) {
    return this.state.accounts[owner]?.account.default_currency ?? 'usd';
  }

  /** Records an event (scoped to a connected account when `owner` is one) and queues its deliveries. */
  emit(
    type: string,
    object: unknown,
    owner: string,
    previousAttributes?: Record<string, unknown>,
  ): EventObject {
    const event: EventObject = {
      id: createId('evt'),
      object: 'event',
      api_version: apiVersion,
      created: this.now(),
      data: {
        object: structuredClone(object),
        ...(previousAttributes ? { previous_attributes: structuredClone(previousAttributes) } : {}),
      },
      livemode: false,
      pending_webhooks: 0,
      request: {
        id: this.request?.id ?? null,
        idempotency_key: this.request?.idempotencyKey ?? null,
      },
      type,
      ...(this.isPlatform(owner) ? {} : { account: owner }),
    };
    this.state.events[event.id] = event;
    this.setOwner(event.id, owner);
    this.webhooks?.enqueue(event);
    this.changed();
    return event;
  }
}
