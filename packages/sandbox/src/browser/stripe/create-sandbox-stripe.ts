import type { ResolvedSandboxOptions } from '../options';
import { assertTestPublishableKey } from '../options';
import { sandboxRequest, type FormFields, type SandboxStripeError } from '../http';
import { formatMinorUnits } from '../format';
import { askForAuthentication } from './authentication-dialog';
import {
  createSandboxElements,
  getElementsInternals,
  type SandboxElements,
  type SandboxElementsOptions,
} from './elements';
import type { CardDetails } from './card-validation';
import type { SandboxCardElement } from './payment-element';

/** The Stripe.js release train `@stripe/stripe-js` 10.x checks `window.Stripe.version` against. */
export const STRIPE_JS_RELEASE_TRAIN = 'endive';

export interface SandboxPaymentIntent {
  id: string;
  object: 'payment_intent';
  status: string;
  amount: number;
  currency: string;
  client_secret?: string;
  next_action?: {
    type: string;
    redirect_to_url?: { url: string; return_url?: string };
    use_stripe_sdk?: Record<string, unknown>;
  } | null;
  last_payment_error?: SandboxStripeError | null;
  [key: string]: unknown;
}

export type PaymentIntentResult =
  { paymentIntent: SandboxPaymentIntent } | { error: SandboxStripeError };

export interface ConfirmPaymentOptions {
  elements?: SandboxElements;
  clientSecret?: string;
  confirmParams?: { return_url?: string; payment_method_data?: FormFields; [key: string]: unknown };
  redirect?: 'always' | 'if_required';
}

export interface SandboxStripeContext {
  options: ResolvedSandboxOptions;
  navigate(url: string): void;
}

/** Stripe.js's `confirmPayment` never settles once it sends the browser to `return_url`. */
const never = <T>() => new Promise<T>(() => undefined);

const paymentIntentId = (clientSecret: unknown, caller: string): string => {
  const match =
    typeof clientSecret === 'string'
      ? /^(pi_[A-Za-z0-9_]+?)_secret_[A-Za-z0-9]+$/.exec(clientSecret)
      : null;
  if (!match?.[1]) {
    throw new Error(
      `${caller}: invalid value for clientSecret. It should be a PaymentIntent client secret of the form \${id}_secret_\${secret}.`,
    );
  }
  return match[1];
};

const cardPaymentMethodData = (card: CardDetails, extra: FormFields | undefined): FormFields => ({
  ...extra,
  type: 'card',
  card: { number: card.number, exp_month: card.exp_month, exp_year: card.exp_year, cvc: card.cvc },
});

const incompleteElementError = (caller: string): SandboxStripeError => ({
  type: 'validation_error',
  code: 'incomplete',
  message: `${caller}: mount a Payment Element and fill it in before confirming.`,
});

/** Builds the `Stripe(publishableKey)` function installed as `window.Stripe`. */
export function createSandboxStripeConstructor(context: SandboxStripeContext) {
  const { apiBase } = context.options;

  function SandboxStripe(publishableKey: unknown, _options?: Record<string, unknown>) {
    assertTestPublishableKey(publishableKey, 'Stripe()');
    const registeredWrappers: Array<Record<string, unknown>> = [];
    const appInfo: Array<Record<string, unknown>> = [];

    const request = <T>(method: 'GET' | 'POST', path: string, form?: FormFields) =>
      sandboxRequest<T>(`${apiBase}${path}`, { method, bearer: publishableKey, form });

    const retrieve = async (clientSecret: string): Promise<PaymentIntentResult> => {
      const id = paymentIntentId(clientSecret, 'stripe.retrievePaymentIntent()');
      const result = await request<SandboxPaymentIntent>(
        'GET',
        `/v1/payment_intents/${id}?client_secret=${encodeURIComponent(clientSecret)}`,
      );
      return result.ok ? { paymentIntent: result.body } : { error: result.error };
    };

    /**
     * Runs the 3D Secure stand-in dialog and reports the tester's choice to the sandbox (as Stripe's
     * authentication page would), then answers like Stripe.js after its modal: the succeeded intent, or
     * the intent's `last_payment_error` (authentication failure or a decline after authenticating).
     */
    const authenticate = async (
      paymentIntent: SandboxPaymentIntent,
      clientSecret: string,
    ): Promise<PaymentIntentResult> => {
      const outcome = await askForAuthentication(
        document,
        formatMinorUnits(paymentIntent.amount, paymentIntent.currency),
      );
      const answered = await sandboxRequest<SandboxPaymentIntent>(
        `${apiBase}/_sandbox/payment_intents/${paymentIntent.id}/authenticate`,
        { method: 'POST', bearer: publishableKey, json: { client_secret: clientSecret, outcome } },
      );
      if (!answered.ok) return { error: answered.error };
      const updated = answered.body;
      if (updated.status === 'requires_payment_method' && updated.last_payment_error) {
        const { payment_intent: _ignored, ...lastError } = updated.last_payment_error;
        return { error: { ...lastError, payment_intent: updated } };
      }
      return { paymentIntent: updated };
    };

    const confirm = async (
      clientSecret: string,
      paymentMethod: FormFields | string,
      returnUrl: string | undefined,
      extra: Record<string, unknown>,
    ): Promise<PaymentIntentResult> => {
      const id = paymentIntentId(clientSecret, 'stripe.confirmPayment()');
      const form: FormFields = {
        ...(extra as FormFields),
        client_secret: clientSecret,
        return_url: returnUrl,
        ...(typeof paymentMethod === 'string'
          ? { payment_method: paymentMethod }
          : { payment_method_data: paymentMethod }),
      };
      const result = await request<SandboxPaymentIntent>(
        'POST',
        `/v1/payment_intents/${id}/confirm`,
        form,
      );
      if (!result.ok) return { error: result.error };
      if (result.body.status === 'requires_action') return authenticate(result.body, clientSecret);
      return { paymentIntent: result.body };
    };

    const cardFromElement = (
      element: SandboxCardElement | undefined,
      caller: string,
    ): { error: SandboxStripeError } | { card: CardDetails } => {
      if (!element || !element.isMounted) return { error: incompleteElementError(caller) };
      const validation = element.validate();
      if (validation.error || !validation.card)
        return { error: validation.error ?? incompleteElementError(caller) };
      return { card: validation.card };
    };

    const stripe = {
      /** Lets tools tell the stand-in from the real Stripe.js. */
      _marketkitSandbox: true as const,
      elements(options?: SandboxElementsOptions) {
        return createSandboxElements(options);
      },

      async confirmPayment(options: ConfirmPaymentOptions): Promise<PaymentIntentResult> {
        const internals = getElementsInternals(options?.elements);
        if (!internals) {
          throw new Error(
            'stripe.confirmPayment(): pass the `elements` instance your Payment Element was created from.',
          );
        }
        const redirect = options.redirect ?? 'always';
        const {
          return_url: returnUrl,
          payment_method_data: paymentMethodData,
          ...extra
        } = options.confirmParams ?? {};
        if (redirect === 'always' && !returnUrl) {
          throw new Error(
            "stripe.confirmPayment(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`.",
          );
        }
        const clientSecret = options.clientSecret ?? internals.options.clientSecret;
        if (!clientSecret) {
          throw new Error(
            'stripe.confirmPayment(): pass `clientSecret`, or create `elements` with `{ clientSecret }`, so the sandbox knows which PaymentIntent to confirm.',
          );
        }
        const collected = cardFromElement(internals.cardElement(), 'stripe.confirmPayment()');
        if ('error' in collected) return { error: collected.error };
        const result = await confirm(
          clientSecret,
          cardPaymentMethodData(collected.card, paymentMethodData),
          returnUrl,
          extra,
        );
        if (redirect === 'always' && 'paymentIntent' in result && returnUrl) {
          const url = new URL(
            returnUrl,
            typeof location === 'undefined' ? undefined : location.href,
          );
          url.searchParams.set('payment_intent', result.paymentIntent.id);
          url.searchParams.set('payment_intent_client_secret', clientSecret);
          url.searchParams.set('redirect_status', result.paymentIntent.status);
          context.navigate(url.toString());
          return never();
        }
        return result;
      },

      async confirmCardPayment(
        clientSecret: string,
        data?: {
          payment_method?: string | { card?: unknown; billing_details?: FormFields };
          return_url?: string;
        },
      ): Promise<PaymentIntentResult> {
        const paymentMethod = data?.payment_method;
        if (typeof paymentMethod === 'string')
          return confirm(clientSecret, paymentMethod, data?.return_url, {});
        const element = (paymentMethod?.card ?? undefined) as SandboxCardElement | undefined;
        const collected = cardFromElement(element, 'stripe.confirmCardPayment()');
        if ('error' in collected) return { error: collected.error };
        const billing = paymentMethod?.billing_details
          ? { billing_details: paymentMethod.billing_details }
          : undefined;
        return confirm(
          clientSecret,
          cardPaymentMethodData(collected.card, billing),
          data?.return_url,
          {},
        );
      },

      async retrievePaymentIntent(clientSecret: string): Promise<PaymentIntentResult> {
        return retrieve(clientSecret);
      },

      async handleNextAction({
        clientSecret,
      }: {
        clientSecret: string;
      }): Promise<PaymentIntentResult> {
        const current = await retrieve(clientSecret);
        if ('error' in current || current.paymentIntent.status !== 'requires_action')
          return current;
        return authenticate(current.paymentIntent, clientSecret);
      },

      async createPaymentMethod(params: {
        elements?: SandboxElements;
        type?: string;
        card?: unknown;
        params?: { billing_details?: FormFields };
        billing_details?: FormFields;
      }): Promise<{ paymentMethod: Record<string, unknown> } | { error: SandboxStripeError }> {
        const element = params.elements
          ? getElementsInternals(params.elements)?.cardElement()
          : (params.card as SandboxCardElement | undefined);
        const collected = cardFromElement(element, 'stripe.createPaymentMethod()');
        if ('error' in collected) return { error: collected.error };
        const billing = params.params?.billing_details ?? params.billing_details;
        const result = await request<Record<string, unknown>>(
          'POST',
          '/v1/payment_methods',
          cardPaymentMethodData(collected.card, billing ? { billing_details: billing } : undefined),
        );
        return result.ok ? { paymentMethod: result.body } : { error: result.error };
      },

      async createToken(): Promise<{ error: SandboxStripeError }> {
        return { error: notEmulated('stripe.createToken()') };
      },
      async confirmSetup(): Promise<{ error: SandboxStripeError }> {
        return { error: notEmulated('stripe.confirmSetup()') };
      },
      async retrieveSetupIntent(): Promise<{ error: SandboxStripeError }> {
        return { error: notEmulated('stripe.retrieveSetupIntent()') };
      },

      registerAppInfo(info: Record<string, unknown>) {
        appInfo.push(info);
      },
      _registerWrapper(wrapper: Record<string, unknown>) {
        registeredWrappers.push(wrapper);
      },
      /** What `loadStripe` and react-stripe-js registered; handy when debugging a setup. */
      _sandboxRegistrations() {
        return { wrappers: [...registeredWrappers], appInfo: [...appInfo] };
      },
    };
    return stripe;
  }

  return Object.assign(SandboxStripe, { version: STRIPE_JS_RELEASE_TRAIN });
}

const notEmulated = (method: string): SandboxStripeError => ({
  type: 'invalid_request_error',
  code: 'sandbox_not_emulated',
  message: `${method} is not emulated in the MarketKit sandbox; use PaymentIntents with the Payment Element.`,
});

export type SandboxStripe = ReturnType<ReturnType<typeof createSandboxStripeConstructor>>;
