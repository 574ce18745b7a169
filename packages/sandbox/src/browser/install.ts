// Side-effect entry: `import '@marketkit/sandbox/browser/install'` before any `@stripe/*` import.
import { installSandboxStripe, type SandboxGlobalConfig } from './index';

declare global {
  var __MARKETKIT_SANDBOX__: SandboxGlobalConfig | undefined;
}

/** Reads `globalThis.__MARKETKIT_SANDBOX__`, then `<meta name="marketkit-sandbox" content="<apiBase>">`. */
export function readSandboxConfig(): SandboxGlobalConfig | undefined {
  const fromGlobal = globalThis.__MARKETKIT_SANDBOX__;
  if (fromGlobal?.apiBase) return fromGlobal;
  if (typeof document === 'undefined') return undefined;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="marketkit-sandbox"]');
  const apiBase = meta?.content.trim();
  if (!apiBase) return undefined;
  const publishableKey = meta?.dataset.publishableKey;
  return publishableKey ? { apiBase, publishableKey } : { apiBase };
}

// On the server this module does nothing, so shared entry files stay SSR-safe.
if (typeof window !== 'undefined') {
  const config = readSandboxConfig();
  if (!config) {
    throw new Error(
      '@marketkit/sandbox/browser/install: no sandbox address. Set globalThis.__MARKETKIT_SANDBOX__ = { apiBase } before this import, or add <meta name="marketkit-sandbox" content="http://127.0.0.1:12111"> to the page.',
    );
  }
  installSandboxStripe(config);
}
