import type { Engine } from '../core/engine';
import { StripeApiError } from './errors';

/**
 * Stripe's idempotent requests (https://docs.stripe.com/api/idempotent_requests): a key is scoped to the
 * key kind and account, replays the first outcome for the same parameters, refuses other parameters,
 * and answers 409 while the first request is still running. Every `/v1` POST goes through here.
 */
export function createIdempotency() {
  const inFlight = new Set<string>();
  return {
    /**
     * Looks the key up: a saved answer to replay, or a claim to hold while executing (null without a key).
     * Throws Stripe's errors for a reused key with other parameters or one still in flight.
     */
    begin(engine: Engine, input: { key: string | null; scope: string; fingerprint: string }) {
      if (!input.key) return null;
      const scope = `${input.scope}:${input.key}`;
      const saved = engine.state.idempotency[scope];
      if (saved) {
        if (saved.fingerprint !== input.fingerprint) {
          throw new StripeApiError(400, {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${input.key}' if you meant to execute a different request.`,
          });
        }
        return { replay: saved, scope } as const;
      }
      if (inFlight.has(scope)) {
        throw new StripeApiError(409, {
          type: 'idempotency_error',
          code: 'idempotency_key_in_use',
          message:
            'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ' +
            input.key +
            '. Please try again later.',
        });
      }
      return { replay: null, scope } as const;
    },
    hold(scope: string) {
      inFlight.add(scope);
    },
    release(scope: string) {
      inFlight.delete(scope);
    },
    /** Stripe saves the outcome of requests that executed (not 500s) and replays it for the same key. */
    save(
      engine: Engine,
      scope: string,
      answer: { fingerprint: string; status: number; body: string },
    ) {
      if (answer.status === 500) return;
      engine.state.idempotency[scope] = { ...answer, created: engine.now() };
      engine.changed();
    },
  };
}

export type Idempotency = ReturnType<typeof createIdempotency>;
