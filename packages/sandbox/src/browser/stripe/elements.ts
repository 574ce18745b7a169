import type { SandboxAppearance } from '../appearance';
import type { SandboxStripeError } from '../http';
import {
  createCardElement,
  createUnsupportedElement,
  type SandboxCardElement,
  type SandboxElement,
} from './payment-element';

export interface SandboxElementsOptions {
  clientSecret?: string;
  appearance?: SandboxAppearance;
  locale?: string;
  mode?: 'payment' | 'setup' | 'subscription';
  amount?: number;
  currency?: string;
  [key: string]: unknown;
}

/** The object `stripe.elements()` returns. */
export interface SandboxElements {
  create(type: string, options?: Record<string, unknown>): SandboxElement;
  getElement(type: string): SandboxElement | null;
  update(options: Partial<SandboxElementsOptions>): void;
  submit(): Promise<{ error: SandboxStripeError } | { selectedPaymentMethod: string }>;
  fetchUpdates(): Promise<Record<string, never>>;
  on(event: string, handler: (event: unknown) => void): SandboxElements;
  off(event: string, handler?: (event: unknown) => void): SandboxElements;
}

export interface SandboxElementsInternals {
  readonly options: SandboxElementsOptions;
  /** The mounted element that collects card details, if any. */
  cardElement(): SandboxCardElement | undefined;
}

// Every sandbox element exposes `destroyed`; React StrictMode destroys and re-creates elements.
const isDestroyed = (element: SandboxElement) =>
  (element as { destroyed?: boolean }).destroyed === true;

const internals = new WeakMap<object, SandboxElementsInternals>();

/** Reads the group's private state; `confirmPayment` accepts only groups this stand-in created. */
export function getElementsInternals(elements: unknown): SandboxElementsInternals | undefined {
  return typeof elements === 'object' && elements !== null ? internals.get(elements) : undefined;
}

export function createSandboxElements(
  initialOptions: SandboxElementsOptions = {},
): SandboxElements {
  const options: SandboxElementsOptions = { ...initialOptions };
  const created = new Map<string, SandboxElement>();

  const cardElement = () => {
    for (const type of ['payment', 'card']) {
      const element = created.get(type) as SandboxCardElement | undefined;
      if (element && !isDestroyed(element)) return element;
    }
    return undefined;
  };

  const elements: SandboxElements = {
    create(type, elementOptions = {}) {
      const existing = created.get(type);
      if (existing && !isDestroyed(existing)) {
        throw new Error(`Can only create one Element of type ${type}.`);
      }
      const appearance =
        (elementOptions.appearance as SandboxAppearance | undefined) ?? options.appearance;
      const element =
        type === 'payment' || type === 'card'
          ? createCardElement(type, appearance, options.locale)
          : createUnsupportedElement(type, appearance);
      created.set(type, element);
      return element;
    },
    getElement(type) {
      const element = created.get(type);
      return element && !isDestroyed(element) ? element : null;
    },
    update(updates) {
      Object.assign(options, updates);
      if (updates.appearance !== undefined) {
        for (const element of created.values()) element.update({ appearance: updates.appearance });
      }
      if (updates.locale !== undefined) {
        for (const element of created.values()) element.update({ locale: updates.locale });
      }
    },
    async submit() {
      const element = cardElement();
      if (!element || !element.isMounted) {
        return {
          error: {
            type: 'validation_error',
            code: 'missing_payment_element',
            message: 'elements.submit(): mount a Payment Element before submitting.',
          },
        };
      }
      const validation = element.validate();
      return validation.error ? { error: validation.error } : { selectedPaymentMethod: 'card' };
    },
    async fetchUpdates() {
      return {};
    },
    on() {
      return elements;
    },
    off() {
      return elements;
    },
  };
  internals.set(elements, { options, cardElement });
  return elements;
}
