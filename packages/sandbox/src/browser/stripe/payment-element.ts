import { applyAppearance, ensureStyles, type SandboxAppearance } from '../appearance';
import type { SandboxStripeError } from '../http';
import {
  formatCardNumber,
  formatExpiry,
  validateCard,
  type CardField,
  type CardValidation,
} from './card-validation';

export type ElementEventHandler = (event: Record<string, unknown>) => void;

/** The element object `elements.create()` returns, shaped like Stripe.js's. */
export interface SandboxElement {
  readonly elementType: string;
  mount(target: string | HTMLElement): void;
  unmount(): void;
  destroy(): void;
  on(event: string, handler: ElementEventHandler): SandboxElement;
  once(event: string, handler: ElementEventHandler): SandboxElement;
  off(event: string, handler?: ElementEventHandler): SandboxElement;
  update(options: Record<string, unknown>): void;
  focus(): void;
  blur(): void;
  clear(): void;
  collapse(): SandboxElement;
}

/** What the Elements group and `confirmPayment` need from a card-collecting element. */
export interface SandboxCardElement extends SandboxElement {
  readonly isMounted: boolean;
  readonly isDestroyed: boolean;
  /** Validates and, unless `quiet`, shows every field error the way Stripe does on submit. */
  validate(options?: { quiet?: boolean }): CardValidation;
  setAppearance(appearance: SandboxAppearance | undefined): void;
}

let nextId = 0;

const createEmitter = () => {
  const listeners = new Map<string, Set<ElementEventHandler>>();
  return {
    on(event: string, handler: ElementEventHandler) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(handler);
    },
    off(event: string, handler?: ElementEventHandler) {
      if (handler) listeners.get(event)?.delete(handler);
      else listeners.delete(event);
    },
    emit(event: string, payload: Record<string, unknown>) {
      for (const handler of [...(listeners.get(event) ?? [])]) handler(payload);
    },
    clear() {
      listeners.clear();
    },
  };
};

const resolveTarget = (target: string | HTMLElement, elementType: string): HTMLElement => {
  const node = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target;
  if (!node || typeof node.appendChild !== 'function') {
    throw new Error(
      `elements.create('${elementType}').mount(): could not find a DOM element for ${String(target)}. Pass an element or a selector that matches one.`,
    );
  }
  return node;
};

interface ElementBaseOptions {
  elementType: string;
  appearance: SandboxAppearance | undefined;
  render(root: HTMLElement, emit: (event: string, payload: Record<string, unknown>) => void): void;
  onClear?(): void;
  onFocus?(): void;
  onUpdate?(options: Record<string, unknown>): void;
}

/** Shared mount/unmount/event plumbing for every sandbox element. */
function createElementBase(options: ElementBaseOptions) {
  const emitter = createEmitter();
  let root: HTMLElement | undefined;
  let appearance = options.appearance;
  let destroyed = false;
  let readyTimer: ReturnType<typeof setTimeout> | undefined;

  const element: SandboxElement & {
    readonly root: HTMLElement | undefined;
    readonly destroyed: boolean;
  } = {
    elementType: options.elementType,
    get root() {
      return root;
    },
    get destroyed() {
      return destroyed;
    },
    mount(target) {
      if (destroyed)
        throw new Error(
          `This ${options.elementType} Element has been destroyed; create a new one.`,
        );
      const container = resolveTarget(target, options.elementType);
      ensureStyles(container.ownerDocument);
      if (root) root.remove();
      root = container.ownerDocument.createElement('div');
      root.className = 'mk-sandbox';
      root.dataset.marketkitSandbox = options.elementType;
      applyAppearance(root, appearance);
      options.render(root, emitter.emit);
      root.addEventListener('focusin', (event) => {
        if (!root?.contains(event.relatedTarget as Node | null))
          emitter.emit('focus', { elementType: options.elementType });
      });
      root.addEventListener('focusout', (event) => {
        if (!root?.contains(event.relatedTarget as Node | null))
          emitter.emit('blur', { elementType: options.elementType });
      });
      container.appendChild(root);
      emitter.emit('loaderstart', { elementType: options.elementType });
      // Stripe's iframe reports ready asynchronously; React wrappers attach listeners after mount.
      readyTimer = setTimeout(() => emitter.emit('ready', { elementType: options.elementType }), 0);
    },
    unmount() {
      clearTimeout(readyTimer);
      root?.remove();
      root = undefined;
    },
    destroy() {
      element.unmount();
      emitter.clear();
      destroyed = true;
    },
    on(event, handler) {
      emitter.on(event, handler);
      return element;
    },
    once(event, handler) {
      const wrapped: ElementEventHandler = (payload) => {
        emitter.off(event, wrapped);
        handler(payload);
      };
      emitter.on(event, wrapped);
      return element;
    },
    off(event, handler) {
      emitter.off(event, handler);
      return element;
    },
    update(updates) {
      if (updates.appearance !== undefined) {
        appearance = updates.appearance as SandboxAppearance;
        if (root) applyAppearance(root, appearance);
      }
      options.onUpdate?.(updates);
    },
    focus() {
      options.onFocus?.();
    },
    blur() {
      const active = root?.ownerDocument.activeElement;
      if (active instanceof HTMLElement && root?.contains(active)) active.blur();
    },
    clear() {
      options.onClear?.();
    },
    collapse() {
      return element;
    },
  };
  const setAppearance = (next: SandboxAppearance | undefined) => {
    appearance = next;
    if (root) applyAppearance(root, appearance);
  };
  const rerender = () => {
    if (!root) return;
    root.replaceChildren();
    options.render(root, emitter.emit);
  };
  return { element, setAppearance, emit: emitter.emit, rerender };
}

const fieldLabels: Record<CardField, { label: string; placeholder: string; autocomplete: string }> =
  {
    number: { label: 'Card number', placeholder: '1234 1234 1234 1234', autocomplete: 'cc-number' },
    expiry: { label: 'Expiration date', placeholder: 'MM / YY', autocomplete: 'cc-exp' },
    cvc: { label: 'Security code', placeholder: 'CVC', autocomplete: 'cc-csc' },
  };

/**
 * Stripe.js shows the Payment Element in the `locale` given to `stripe.elements()` (or `elements.update()`);
 * https://docs.stripe.com/js/elements_object/create#stripe_elements-options-locale. The stand-in speaks
 * English and French.
 */
const french = {
  labels: {
    number: {
      label: 'Numéro de carte',
      placeholder: '1234 1234 1234 1234',
      autocomplete: 'cc-number',
    },
    expiry: { label: 'Date d’expiration', placeholder: 'MM / AA', autocomplete: 'cc-exp' },
    cvc: { label: 'Code de sécurité', placeholder: 'CVC', autocomplete: 'cc-csc' },
  } satisfies typeof fieldLabels,
  legend: 'Sandbox — utilisez les cartes de test Stripe',
  hint: 'Essayez 4242 4242 4242 4242 (acceptée) ou 4000 0000 0000 0002 (refusée), une date future et un CVC quelconques.',
  errors: {
    incomplete_number: 'Le numéro de votre carte est incomplet.',
    invalid_number: 'Le numéro de votre carte est invalide.',
    incomplete_expiry: 'La date d’expiration de votre carte est incomplète.',
    invalid_expiry_month: 'Le mois d’expiration de votre carte est invalide.',
    invalid_expiry_year_past: 'L’année d’expiration de votre carte est déjà passée.',
    invalid_expiry_month_past: 'La date d’expiration de votre carte est déjà passée.',
    incomplete_cvc: 'Le code de sécurité de votre carte est incomplet.',
  } as Record<string, string>,
};

const isFrench = (locale: unknown) => typeof locale === 'string' && /^fr\b/i.test(locale);

/**
 * The sandbox's Payment Element (and Card Element): a labelled card form that accepts Stripe's test card numbers
 * and reports `change`, `focus`, `blur` and `ready` like Stripe.js does.
 */
export function createCardElement(
  elementType: 'payment' | 'card',
  appearance: SandboxAppearance | undefined,
  initialLocale?: string,
): SandboxCardElement {
  let locale = initialLocale;
  const id = `mk-sandbox-${(nextId += 1)}`;
  const inputs = {} as Record<CardField, HTMLInputElement>;
  let alert: HTMLElement | undefined;
  const touched = new Set<CardField>();
  let showAll = false;

  const read = () => ({
    number: inputs.number?.value ?? '',
    expiry: inputs.expiry?.value ?? '',
    cvc: inputs.cvc?.value ?? '',
  });

  const showErrors = (validation: CardValidation) => {
    let shown: SandboxStripeError | undefined;
    for (const field of ['number', 'expiry', 'cvc'] as const) {
      const fieldError = validation.fieldErrors[field];
      const visible = fieldError !== undefined && (showAll || touched.has(field));
      inputs[field]?.setAttribute('aria-invalid', visible ? 'true' : 'false');
      if (visible && !shown) shown = fieldError;
    }
    if (alert) {
      const translated = isFrench(locale) && shown ? french.errors[shown.code ?? ''] : undefined;
      alert.textContent = translated ?? shown?.message ?? '';
    }
  };

  const changePayload = (validation: CardValidation): Record<string, unknown> =>
    elementType === 'payment'
      ? {
          elementType,
          complete: validation.complete,
          empty: validation.empty,
          collapsed: false,
          value: { type: 'card' },
        }
      : {
          elementType,
          complete: validation.complete,
          empty: validation.empty,
          brand: validation.brand,
          error: showAll || touched.size > 0 ? validation.error : undefined,
          value: { postalCode: '' },
        };

  const base = createElementBase({
    elementType,
    appearance,
    render(root, emit) {
      const document = root.ownerDocument;
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      const labels = isFrench(locale) ? french.labels : fieldLabels;
      legend.textContent = isFrench(locale) ? french.legend : 'Sandbox — use Stripe test cards';
      fieldset.appendChild(legend);
      const row = document.createElement('div');
      row.className = 'mk-sandbox-row';
      alert = document.createElement('p');
      alert.id = `${id}-error`;
      alert.setAttribute('role', 'alert');
      for (const field of ['number', 'expiry', 'cvc'] as const) {
        const label = document.createElement('label');
        const text = document.createElement('span');
        text.textContent = labels[field].label;
        const input = document.createElement('input');
        input.name = `${id}-${field}`;
        input.type = 'text';
        input.inputMode = 'numeric';
        input.autocomplete = labels[field].autocomplete as AutoFill;
        input.placeholder = labels[field].placeholder;
        input.setAttribute('aria-describedby', alert.id);
        input.setAttribute('aria-invalid', 'false');
        input.value = inputs[field]?.value ?? '';
        input.addEventListener('input', () => {
          const formatted =
            field === 'number'
              ? formatCardNumber(input.value)
              : field === 'expiry'
                ? formatExpiry(input.value)
                : input.value.replace(/\D/g, '').slice(0, 4);
          if (formatted !== input.value) input.value = formatted;
          const validation = validateCard(read());
          // Stripe clears an error as soon as the field becomes valid, but waits for blur to show a new one.
          if (!validation.fieldErrors[field]) touched.delete(field);
          showErrors(validation);
          emit('change', changePayload(validation));
        });
        input.addEventListener('blur', () => {
          if (input.value.length > 0) touched.add(field);
          showErrors(validateCard(read()));
        });
        inputs[field] = input;
        label.append(text, input);
        (field === 'number' ? fieldset : row).appendChild(label);
      }
      fieldset.append(row, alert);
      const hint = document.createElement('p');
      hint.textContent = isFrench(locale)
        ? french.hint
        : 'Try 4242 4242 4242 4242 (succeeds) or 4000 0000 0000 0002 (declined), any future date and CVC.';
      hint.style.fontSize = '.8em';
      fieldset.appendChild(hint);
      root.appendChild(fieldset);
    },
    onClear() {
      for (const input of Object.values(inputs)) input.value = '';
      touched.clear();
      showAll = false;
      const validation = validateCard(read());
      showErrors(validation);
      base.emit('change', changePayload(validation));
    },
    onFocus() {
      inputs.number?.focus();
    },
    onUpdate(updates) {
      // A new locale redraws the form in that language; typed values survive (render reads them back).
      if (typeof updates.locale !== 'string' || updates.locale === locale) return;
      locale = updates.locale;
      base.rerender();
    },
  });

  const element = base.element;
  // defineProperties (not Object.assign) so the getters stay live instead of being copied once.
  return Object.defineProperties(element, {
    isMounted: { get: () => element.root !== undefined },
    isDestroyed: { get: () => element.destroyed },
    validate: {
      value(options?: { quiet?: boolean }) {
        const validation = validateCard(read());
        if (!options?.quiet) {
          showAll = true;
          showErrors(validation);
        }
        return validation;
      },
    },
    setAppearance: { value: base.setAppearance },
  }) as unknown as SandboxCardElement;
}

/** Any element type the sandbox does not emulate: mounts a clear notice instead of failing the page. */
export function createUnsupportedElement(
  elementType: string,
  appearance: SandboxAppearance | undefined,
): SandboxElement {
  return createElementBase({
    elementType,
    appearance,
    render(root) {
      const notice = root.ownerDocument.createElement('p');
      notice.textContent = `Sandbox: the "${elementType}" Element is not emulated in the sandbox.`;
      root.appendChild(notice);
    },
  }).element;
}
