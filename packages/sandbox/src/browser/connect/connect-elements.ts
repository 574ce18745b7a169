import { applyAppearance, ensureStyles } from '../appearance';
import { h } from '../dom';
import type { SandboxStripeError } from '../http';
import { commonSetters, connectTagNames, customSetters } from './connect-js-components';
import type { SandboxConnector } from './connector';
import { renderAccountOnboarding } from './views/account-onboarding';
import { renderBalances } from './views/balances';
import { renderNotificationBanner } from './views/notification-banner';
import { renderPayments } from './views/payments';
import { renderPayouts } from './views/payouts';

/** Everything a view needs to draw one embedded component. */
export interface ConnectViewContext {
  document: Document;
  /** The container inside the custom element that the view owns. */
  root: HTMLElement;
  tagName: string;
  connector: SandboxConnector;
  /** Values passed through the setters, keyed without the `set` prefix (`onExit`, `defaultFilters`, …). */
  settings: Record<string, unknown>;
  /** False once the element re-rendered or left the page; views stop writing to the DOM then. */
  isCurrent(): boolean;
  rerender(): void;
  /** Calls a listener set through a setter, if any. */
  call(setting: string, payload?: unknown): void;
  fail(error: SandboxStripeError): void;
}

export type ConnectView = (context: ConnectViewContext) => Promise<void>;

const views: Record<string, ConnectView> = {
  'account-onboarding': renderAccountOnboarding,
  payouts: (context) => renderPayouts(context, { showBalance: true }),
  'payouts-list': (context) => renderPayouts(context, { showBalance: false }),
  balances: renderBalances,
  'notification-banner': renderNotificationBanner,
  payments: renderPayments,
};

/**
 * The setters the pinned `@stripe/connect-js` calls on `tagName`, from its generated lists so the shipped bundle does
 * not import connect-js. Setters a newer connect-js adds are still handled, see `adoptUnknownSetters`.
 */
export function connectElementSetters(tagName: string): string[] {
  return [...(customSetters[tagName] ?? []), ...commonSetters];
}

const replayedEvents = new Set(['onLoaderStart', 'onLoadError', 'onNotificationsChange']);

const settingName = (setter: string) => setter.charAt(3).toLowerCase() + setter.slice(4);

const renderNotEmulated: ConnectView = async ({ document, root, tagName }) => {
  root.append(
    h(
      document,
      'div',
      { role: 'note', 'data-state': 'not-emulated' },
      h(document, 'p', { class: 'mk-sandbox-badge', text: 'Sandbox' }),
      h(document, 'p', { text: `The ${tagName} component is not emulated in the sandbox.` }),
    ),
  );
};

interface ConnectElementInstance extends HTMLElement {
  setConnector(connector: SandboxConnector): void;
}

/** Defines `stripe-connect-<tag>` for every tag the pinned connect-js knows (and any extra ones passed in). */
export function defineConnectElements(
  window: Window & typeof globalThis,
  extraTagNames: readonly string[] = [],
): void {
  const registry = window.customElements;
  for (const tagName of new Set([...connectTagNames, ...extraTagNames])) {
    const elementName = `stripe-connect-${tagName}`;
    if (registry.get(elementName)) continue;
    registry.define(elementName, createConnectElementClass(window, tagName));
  }
}

function createConnectElementClass(window: Window & typeof globalThis, tagName: string) {
  const view = views[tagName] ?? renderNotEmulated;

  class SandboxConnectElement extends window.HTMLElement implements ConnectElementInstance {
    private connector: SandboxConnector | undefined;
    private unsubscribe: (() => void) | undefined;
    private renderCount = 0;
    private readonly settings: Record<string, unknown> = {};
    /** The latest status events of the current render, replayed to listeners set after they happened. */
    private statusEvents = new Map<string, unknown>();

    setConnector(connector: SandboxConnector) {
      this.unsubscribe?.();
      this.connector = connector;
      this.unsubscribe = connector.subscribe(() => this.applyUpdate());
      this.adoptUnknownSetters();
      if (this.isConnected) this.render();
    }

    /** `update({ appearance })` restyles in place (keeping a half-filled form); a new locale redraws. */
    private applyUpdate() {
      const root = this.firstElementChild;
      if (!this.connector || !(root instanceof window.HTMLElement)) return;
      if ((this.connector.locale ?? '') !== (root.getAttribute('lang') ?? '')) return this.render();
      applyAppearance(root, this.connector.appearance);
    }

    connectedCallback() {
      if (this.connector && this.renderCount === 0) this.render();
    }

    disconnectedCallback() {
      // A removed element must not keep drawing when its requests finish.
      this.renderCount += 1;
    }

    /** connect-js assigns `element[setter]` wrappers; give any setter a newer connect-js adds a handler too. */
    private adoptUnknownSetters() {
      for (const key of Object.keys(this)) {
        const internal = `${key}InternalOnly`;
        if (/^set[A-Z]/.test(key) && !(internal in this)) {
          Object.defineProperty(this, internal, {
            value: (value: unknown) => this.applySetting(key, value),
          });
        }
      }
    }

    applySetting(setter: string, value: unknown) {
      const name = settingName(setter);
      const previous = this.settings[name];
      this.settings[name] = value;
      // connect-js applies setters after setConnector, so loading may already have started by then.
      if (typeof value === 'function' && value !== previous && this.statusEvents.has(name)) {
        value(this.statusEvents.get(name));
      }
      // Data (filters, a payout id) changes what is shown; listeners only need storing.
      if (
        typeof value !== 'function' &&
        previous !== value &&
        this.connector &&
        this.isConnected &&
        this.renderCount > 0
      ) {
        this.render();
      }
    }

    render() {
      const connector = this.connector;
      if (!connector) return;
      const token = (this.renderCount += 1);
      const document = this.ownerDocument;
      ensureStyles(document);
      const root = h(document, 'div', { class: 'mk-sandbox', 'data-marketkit-sandbox': tagName });
      applyAppearance(root, connector.appearance);
      if (connector.locale) root.setAttribute('lang', connector.locale);
      this.replaceChildren(root);
      this.statusEvents = new Map();
      const call = (setting: string, payload?: unknown) => {
        if (replayedEvents.has(setting)) this.statusEvents.set(setting, payload);
        const listener = this.settings[setting];
        if (typeof listener === 'function') listener(payload);
      };
      const isCurrent = () => token === this.renderCount && this.isConnected;
      call('onLoaderStart', { elementTagName: `stripe-connect-${tagName}` });
      const context: ConnectViewContext = {
        document,
        root,
        tagName,
        connector,
        settings: this.settings,
        isCurrent,
        rerender: () => this.render(),
        call,
        fail: (error) => {
          if (!isCurrent()) return;
          root.replaceChildren(
            h(document, 'p', {
              role: 'alert',
              'data-state': 'error',
              text: `Sandbox: ${error.message}`,
            }),
          );
          call('onLoadError', {
            error: { type: error.type, message: error.message },
            elementTagName: `stripe-connect-${tagName}`,
          });
        },
      };
      const loading = h(document, 'p', {
        role: 'status',
        'data-state': 'loading',
        text: 'Loading…',
      });
      root.append(loading);
      void (async () => {
        const session = await connector.session();
        if (!isCurrent()) return;
        if (!session.ok) return context.fail(session.error);
        const component = session.body.components?.[tagName.replaceAll('-', '_')];
        if (views[tagName] && component && !component.enabled) {
          return context.fail({
            type: 'invalid_request_error',
            message: `The ${tagName} component is not enabled in this account session. Enable it in components.${tagName.replaceAll('-', '_')} when creating the session.`,
          });
        }
        const content = h(document, 'div');
        await view({ ...context, root: content });
        if (!isCurrent()) return;
        loading.remove();
        root.append(content);
      })().catch((error: unknown) =>
        context.fail({
          type: 'api_error',
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  }

  for (const setter of connectElementSetters(tagName)) {
    const apply = function (this: SandboxConnectElement, value: unknown) {
      this.applySetting(setter, value);
    };
    // Both names: connect-js calls `<setter>InternalOnly`; pages that use window.StripeConnect directly call `<setter>`.
    Object.defineProperty(SandboxConnectElement.prototype, setter, {
      value: apply,
      writable: true,
      configurable: true,
    });
    Object.defineProperty(SandboxConnectElement.prototype, `${setter}InternalOnly`, {
      value: apply,
      configurable: true,
    });
  }
  return SandboxConnectElement;
}
