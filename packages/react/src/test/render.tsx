import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { MarketkitProvider } from '../provider/marketkit-provider';
import type { MarketkitProviderProps } from '../provider/marketkit-provider';
import { TEST_API_BASE } from './handlers';

export type RenderWithProviderOptions = Partial<Omit<MarketkitProviderProps, 'children'>>;

/** Renders inside a provider pointed at the MSW handlers, with navigation captured by spies. */
export function renderWithProvider(ui: ReactElement, options: RenderWithProviderOptions = {}) {
  const navigate = options.navigate ?? vi.fn<(url: string) => void>();
  const openWindow = options.openWindow ?? vi.fn<(url: string) => void>();
  const result = render(
    <MarketkitProvider
      apiBase={TEST_API_BASE}
      publishableKey="pk_test_fixture"
      {...options}
      navigate={navigate}
      openWindow={openWindow}
    >
      {ui}
    </MarketkitProvider>,
  );
  return { ...result, navigate, openWindow };
}
