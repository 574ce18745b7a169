import { defineConnectElements } from './connect-elements';
import { createConnector, type ConnectInitParams, type SandboxConnector } from './connector';

/** What `StripeConnect.init()` returns: `connect` for connect-js's wrapper, `create` for pages that use it directly. */
export interface SandboxConnectInstance {
  connect: SandboxConnector;
  create(tagName: string): HTMLElement;
  update(options: { appearance?: ConnectInitParams['appearance']; locale?: string }): void;
  logout(): Promise<void>;
}

/** Builds the `window.StripeConnect` object. */
export function createSandboxStripeConnect(window: Window & typeof globalThis, apiBase: string) {
  return {
    init(params: ConnectInitParams): SandboxConnectInstance {
      const connector = createConnector(apiBase, params);
      defineConnectElements(window);
      return {
        connect: connector,
        create(tagName) {
          const elementName = tagName.startsWith('stripe-connect-')
            ? tagName
            : `stripe-connect-${tagName}`;
          // A tag newer than the pinned connect-js still gets an element (with the "not emulated" panel).
          defineConnectElements(window, [elementName.slice('stripe-connect-'.length)]);
          const element = window.document.createElement(elementName) as HTMLElement & {
            setConnector(connector: SandboxConnector): void;
          };
          element.setConnector(connector);
          return element;
        },
        update(options) {
          connector.update(options);
        },
        logout() {
          return connector.logout();
        },
      };
    },
  };
}
