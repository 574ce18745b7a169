import { createHmac } from 'node:crypto';
import { recordForConformance } from '../conformance/recorder';
import { type EventObject, type WebhookEndpointObject } from '../core/state';

export interface WebhookDispatcherOptions {
  endpoints: () => WebhookEndpointObject[];
  /** The signing secret of an endpoint: its own (Stripe), or the shared one (`stripe listen` mode). */
  secret: (endpoint: WebhookEndpointObject) => string;
  /** First retry delay; doubles per attempt up to `maxDelayMs`. */
  retryBaseMs?: number;
  maxDelayMs?: number;
  maxAttempts?: number;
  onDelivered?: (event: EventObject) => void;
}

/** Stripe's `Stripe-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`. */
export function signPayload(
  payload: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
) {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

interface Delivery {
  event: EventObject;
  payload: string;
}

/**
 * Delivers events to each endpoint in order, one at a time per endpoint (so a failing endpoint
 * delays only its own later events), retrying non-2xx answers with exponential backoff.
 */
export class WebhookDispatcher {
  private readonly queues = new Map<string, Delivery[]>();
  private readonly running = new Set<string>();
  private readonly idleWaiters: Array<() => void> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controllers = new Set<AbortController>();
  private stopped = false;

  constructor(private readonly options: WebhookDispatcherOptions) {}

  static matches(endpoint: WebhookEndpointObject, event: EventObject) {
    if (endpoint.status !== 'enabled') return false;
    // Connect endpoints hear connected accounts' events; account endpoints hear the platform's own.
    if (Boolean(endpoint.connect) !== Boolean(event.account)) return false;
    return endpoint.enabled_events.includes('*') || endpoint.enabled_events.includes(event.type);
  }

  enqueue(event: EventObject) {
    if (this.stopped) return;
    const targets = this.options
      .endpoints()
      .filter((endpoint) => WebhookDispatcher.matches(endpoint, event));
    if (targets.length === 0) return;
    event.pending_webhooks = targets.length;
    const payload = JSON.stringify(event, null, 2);
    recordForConformance('webhook', event.type, payload);
    for (const endpoint of targets) {
      const queue = this.queues.get(endpoint.id) ?? [];
      queue.push({ event, payload });
      this.queues.set(endpoint.id, queue);
      if (!this.running.has(endpoint.id)) {
        this.running.add(endpoint.id);
        // Deliver after the current request has answered, like Stripe.
        setImmediate(() => void this.drain(endpoint));
      }
    }
  }

  private async drain(endpoint: WebhookEndpointObject) {
    const endpointId = endpoint.id;
    const queue = this.queues.get(endpointId) ?? [];
    while (queue.length > 0 && !this.stopped) {
      const delivery = queue[0] as Delivery;
      const maxAttempts = this.options.maxAttempts ?? 8;
      for (let attempt = 1; attempt <= maxAttempts && !this.stopped; attempt += 1) {
        if (await this.post(endpoint, delivery.payload)) {
          delivery.event.pending_webhooks = Math.max(0, delivery.event.pending_webhooks - 1);
          this.options.onDelivered?.(delivery.event);
          break;
        }
        if (attempt < maxAttempts) {
          const base = this.options.retryBaseMs ?? 500;
          await this.sleep(Math.min(base * 2 ** (attempt - 1), this.options.maxDelayMs ?? 8_000));
        }
      }
      queue.shift();
    }
    this.queues.delete(endpointId);
    this.running.delete(endpointId);
    if (this.running.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async post(endpoint: WebhookEndpointObject, payload: string): Promise<boolean> {
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(), 10_000);
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks) MarketKit-Sandbox',
          'Stripe-Signature': signPayload(payload, this.options.secret(endpoint)),
        },
        body: payload,
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status >= 200 && response.status < 300;
    } catch {
      return false;
    } finally {
      clearTimeout(timeout);
      this.controllers.delete(controller);
    }
  }

  private sleep(milliseconds: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, milliseconds);
      this.timers.add(timer);
    });
  }

  /** Resolves once every queued delivery succeeded or used up its attempts. */
  flush(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops queued deliveries (used by reset and stop). */
  clear() {
    for (const queue of this.queues.values()) queue.length = 0;
  }

  stop() {
    this.stopped = true;
    this.clear();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.controllers) controller.abort();
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
