import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProvider } from '../test/render';
import { fr } from '../i18n/fr';
import { lazyPart } from './lazy-part';

describe('a part that loads on demand', () => {
  it('renders once its code arrives', async () => {
    const Part = lazyPart(async () => ({ name }: { name: string }) => <p>Hello {name}</p>);
    renderWithProvider(
      <Suspense fallback={null}>
        <Part name="Ada" />
      </Suspense>,
    );
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
  });

  it('says it could not be loaded, in the user’s language, instead of crashing the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // What browsers throw for a chunk that is gone after a deploy, or unreachable offline.
    const Part = lazyPart<{ name: string }>(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    const { unmount } = renderWithProvider(
      <>
        <h1>The rest of the page</h1>
        <Suspense fallback={null}>
          <Part name="Ada" />
        </Suspense>
      </>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This could not be loaded. The server could not be reached. Check your connection and try again.',
    );
    expect(screen.getByRole('heading', { name: 'The rest of the page' })).toBeInTheDocument();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('Failed to fetch dynamically imported module'),
    );
    unmount();

    renderWithProvider(
      <Suspense fallback={null}>
        <Part name="Ada" />
      </Suspense>,
      { locale: 'fr-FR', messages: fr },
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(fr['common.networkError']);
    warn.mockRestore();
  });
});
