import { day, type Engine } from '../core/engine';
import { StripeApiError } from './errors';

/**
 * Stripe's idempotent requests (https://docs.stripe.com/api/idempotent_requests,
 * https://docs.stripe.com/idempotency): a key is scoped to the key kind and account; once the endpoint
 * started executing, its outcome (500s included) is saved and replayed for the same parameters; other
 * parameters are an `idempotency_error`; a twin of a request still running gets 409
 * `idempotency_key_in_use`; keys are forgotten after 24 hours of sandbox time. Every `/v1` POST goes through here.
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
      let saved = engine.state.idempotency[scope];
      // Stripe prunes keys at least 24 hours old; a reused pruned key is a new request.
      if (saved && saved.created <= engine.now() - day) {
        delete engine.state.idempotency[scope];
        saved = undefined;
      }
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
    /**
     * Saves the outcome of a request whose endpoint started executing, whatever its status (500s too).
     * A refusal before execution (parameter validation, nothing written) is not saved, as on Stripe:
     * "If incoming parameters fail validation … no idempotent result is saved".
     */
    save(
      engine: Engine,
      scope: string,
      answer: { fingerprint: string; status: number; body: string },
      started: 'executed' | 'refused-before-execution',
    ) {
      if (started === 'refused-before-execution') return;
      engine.state.idempotency[scope] = { ...answer, created: engine.now() };
      engine.changed();
    },
  };
}

export type Idempotency = ReturnType<typeof createIdempotency>;
