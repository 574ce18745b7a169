import { describe, expect, it, vi } from 'vitest';
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { ApiError, NetworkError } from '@marketkit/core';
import { server } from '../test/server';
import { TEST_API_BASE, apiErrorResponse } from '../test/handlers';
import { accountStatusFixtures, payoutsPageFixture } from '../test/fixtures';
import { OnboardingButton } from '../onboarding-button/onboarding-button';
import { PayoutsPanel } from '../payouts-panel/payouts-panel';
import { RiskBanner } from '../risk-banner/risk-banner';
import { SplitCheckout } from '../split-checkout/split-checkout';
import { PlatformRiskTable } from '../platform-risk-table/platform-risk-table';
import { MarketkitProvider, useMarketkit } from './marketkit-provider';
import { createApiClient } from './api-client';
import { useAccountStatus, useBalance, usePayouts, useRisk } from './data-hooks';

describe('MarketkitProvider', () => {
  it.each([
    ['OnboardingButton', <OnboardingButton key="a" />],
    ['PayoutsPanel', <PayoutsPanel key="b" />],
    ['RiskBanner', <RiskBanner key="c" />],
    ['SplitCheckout', <SplitCheckout key="d" items={[]} currency="usd" />],
    ['PlatformRiskTable', <PlatformRiskTable key="e" />],
  ])('tells the developer how to fix a %s rendered outside the provider', (name, element) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(element)).toThrow(
      `\`${name}\` must be inside <MarketkitProvider>. Wrap your app (or this part of it) in <MarketkitProvider apiBase=`,
    );
  });

  it('names the hook that was used outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useBalance())).toThrow(
      '`useBalance` must be inside <MarketkitProvider>',
    );
  });

  it('sends the app’s credentials: cookies and the headers it supplies', async () => {
    const seen: Array<{
      authorization: string | null;
      contentType: string | null;
      credentials: RequestCredentials;
    }> = [];
    const fetchSpy = vi.fn<typeof fetch>((input, init) => {
      const request = new Request(input, init);
      seen.push({
        authorization: request.headers.get('Authorization'),
        contentType: request.headers.get('Content-Type'),
        credentials: init?.credentials ?? 'same-origin',
      });
      return Promise.resolve(HttpResponse.json(accountStatusFixtures.enabled));
    });
    const { result } = renderHook(() => useAccountStatus(), {
      wrapper: ({ children }) => (
        <MarketkitProvider
          apiBase="https://api.example.test/marketkit/"
          publishableKey="pk_test_x"
          fetch={fetchSpy}
          getHeaders={() => ({ Authorization: 'Bearer user-token' })}
        >
          {children}
        </MarketkitProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(fetchSpy.mock.calls[0]![0]).toBe('https://api.example.test/marketkit/accounts/me');
    expect(seen).toEqual([
      {
        authorization: 'Bearer user-token',
        contentType: 'application/json',
        credentials: 'include',
      },
    ]);
    expect(result.current.data).toEqual(accountStatusFixtures.enabled);
  });

  it('does not refetch when the app re-renders the provider with new inline functions', async () => {
    let reads = 0;
    server.use(
      http.get(`${TEST_API_BASE}/accounts/me`, () => {
        reads += 1;
        return HttpResponse.json(accountStatusFixtures.enabled);
      }),
    );
    const tree = (token: string) => (
      <MarketkitProvider
        apiBase={TEST_API_BASE}
        publishableKey="pk_test_x"
        getHeaders={() => ({ Authorization: token })}
      >
        <OnboardingButton />
      </MarketkitProvider>
    );
    const { rerender } = render(tree('Bearer one'));
    await screen.findByRole('status');
    rerender(tree('Bearer two'));
    rerender(tree('Bearer three'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toBe(1);
  });

  it('turns the server’s error envelope into an ApiError with code, param and request id', async () => {
    server.use(
      http.post(`${TEST_API_BASE}/account-links`, () =>
        apiErrorResponse('unknown_field', 'Unknown field "kind".', {
          param: 'kind',
          requestId: 'req_42',
        }),
      ),
    );
    const api = createApiClient({ apiBase: TEST_API_BASE });
    const error = await api
      .request('createAccountLink', { body: { type: 'update' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'unknown_field',
      message: 'Unknown field "kind".',
      param: 'kind',
      requestId: 'req_42',
      httpStatus: 400,
    });
  });

  it('lets app code call any route by name through the provider’s client, with the app’s headers', async () => {
    const seen: Array<{ url: string; method: string; authorization: string | null }> = [];
    const fetchSpy = vi.fn<typeof fetch>((input, init) => {
      const request = new Request(input, init);
      seen.push({
        url: request.url,
        method: request.method,
        authorization: request.headers.get('Authorization'),
      });
      return Promise.resolve(HttpResponse.json(payoutsPageFixture));
    });
    const { result } = renderHook(() => useMarketkit(), {
      wrapper: ({ children }) => (
        <MarketkitProvider
          apiBase="https://api.example.test/marketkit"
          publishableKey="pk_test_x"
          fetch={fetchSpy}
          getHeaders={() => ({ Authorization: 'Bearer user-token' })}
        >
          {children}
        </MarketkitProvider>
      ),
    });
    await expect(
      result.current.api.request('listPayouts', { body: { limit: 5, startingAfter: 'po_1' } }),
    ).resolves.toEqual(payoutsPageFixture);
    expect(seen).toEqual([
      {
        url: 'https://api.example.test/marketkit/payouts?limit=5&startingAfter=po_1',
        method: 'GET',
        authorization: 'Bearer user-token',
      },
    ]);
  });

  it('reports an unreachable server as a NetworkError and a proxy page as an ApiError', async () => {
    server.use(
      http.get(`${TEST_API_BASE}/balance`, () => HttpResponse.error()),
      http.get(
        `${TEST_API_BASE}/risk`,
        () => new HttpResponse('<html>Bad gateway</html>', { status: 502 }),
      ),
    );
    const api = createApiClient({ apiBase: TEST_API_BASE });
    await expect(api.request('getBalance')).rejects.toBeInstanceOf(NetworkError);
    await expect(api.request('getRisk')).rejects.toMatchObject({
      name: 'ApiError',
      code: 'internal_error',
      httpStatus: 502,
    });
  });

  it('sends list queries as URL parameters', async () => {
    const urls: string[] = [];
    server.use(
      http.get(`${TEST_API_BASE}/payouts`, ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json(payoutsPageFixture);
      }),
    );
    const { result } = renderHook(() => usePayouts({ pageSize: 5, startingAfter: 'po_9' }), {
      wrapper: ({ children }) => (
        <MarketkitProvider apiBase={TEST_API_BASE} publishableKey="pk_test_x">
          {children}
        </MarketkitProvider>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(urls).toEqual([`${TEST_API_BASE}/payouts?limit=5&startingAfter=po_9`]);
  });

  it('moves each data hook through loading to success or error, keeping data while reloading', async () => {
    let fail = false;
    server.use(
      http.get(`${TEST_API_BASE}/risk`, () =>
        fail
          ? apiErrorResponse('internal_error', 'Broken.')
          : HttpResponse.json({
              accountId: null,
              highestSeverity: null,
              signals: [],
              generatedAt: 1,
            }),
      ),
    );
    const onError = vi.fn();
    const { result } = renderHook(() => useRisk({ onError }), {
      wrapper: ({ children }) => (
        <MarketkitProvider apiBase={TEST_API_BASE} publishableKey="pk_test_x">
          {children}
        </MarketkitProvider>
      ),
    });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('success'));
    fail = true;
    await result.current.refetch();
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.data).toMatchObject({ signals: [] });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'Broken.' }));
  });

  it('applies the theme as --mk-* variables on one root and the dark preset on request', () => {
    render(
      <MarketkitProvider
        apiBase={TEST_API_BASE}
        publishableKey="pk_test_x"
        appearance={{ theme: 'dark', variables: { colorPrimary: '#ff5500', borderRadius: '12px' } }}
        locale="fr-FR"
      >
        <p>child</p>
      </MarketkitProvider>,
    );
    const root = screen.getByText('child').parentElement!;
    expect(root).toHaveClass('mk-Root');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(root).toHaveAttribute('lang', 'fr-FR');
    expect(root.style.getPropertyValue('--mk-color-primary')).toBe('#ff5500');
    expect(root.style.getPropertyValue('--mk-border-radius')).toBe('12px');
    // The dark preset's colours come from the stylesheet (`.mk-Root[data-theme='dark']`), not inline.
    expect(root.style.getPropertyValue('--mk-color-background')).toBe('');
  });
});
