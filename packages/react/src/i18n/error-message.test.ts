// @vitest-environment node
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, ERROR_CODE_LIST, NetworkError } from '@marketkit/core';
import { describeDecline, describeError, reportError } from './error-message';
import { createTranslator } from './format';
import { commonMessages, en } from './messages';
import { failureMessages } from './en/common';
import { declinedMessages } from './en/checkout-payment';
import { loadErrorMessages } from './load-error-messages';
import { fr } from './fr';

describe('describeError', () => {
  const translator = createTranslator('en-US', undefined, en);
  const french = createTranslator('fr-FR', fr, en);

  it('has a sentence with a next step for every server error code, in English and French', () => {
    for (const code of ERROR_CODE_LIST) {
      const error = new ApiError(code, 'developer detail', { httpStatus: 400 });
      const english = describeError(error, translator);
      expect(english, code).toBe(en[`error.${code}`]);
      expect(describeError(error, french), code).toBe(fr[`error.${code}`]);
    }
  });

  it('never shows the server’s developer message, request id or route', () => {
    const error = new ApiError(
      'account_missing',
      'You have no connected account yet; call POST /accounts first.',
      { httpStatus: 409, requestId: 'req_mk_123' },
    );
    const shown = describeError(error, translator);
    expect(shown).toBe('You have not set up payouts yet. Set up payouts to start getting paid.');
    expect(shown).not.toMatch(/POST|req_|\/accounts/);
  });

  it('translates a network failure instead of showing its English message', () => {
    expect(describeError(new NetworkError('socket hang up'), translator)).toBe(
      en['common.networkError'],
    );
    expect(describeError(new NetworkError(), french)).toBe(fr['common.networkError']);
  });

  it('shows a generic next step for errors it does not know, and nothing without an error', () => {
    expect(describeError(new Error('TypeError: x is undefined'), translator)).toBe(
      en['error.internal_error'],
    );
    expect(describeError(undefined, translator)).toBe('');
  });

  it('sends the developer detail to the console with the code and request id', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    reportError(
      new ApiError('stripe_error', 'No such external account', {
        httpStatus: 502,
        requestId: 'req_mk_9',
      }),
    );
    expect(warn).toHaveBeenCalledWith(
      '[marketkit] No such external account (stripe_error req_mk_9)',
    );
    warn.mockRestore();
  });
});

describe('the error catalogue loaded on demand', () => {
  it('says the generic sentence until the catalogue loads, then the one for the code, under the app’s messages', async () => {
    const componentDefaults = createTranslator('en-US', undefined, commonMessages);
    const error = new ApiError('rate_limited', 'Slow down.', { httpStatus: 429 });
    expect(describeError(error, componentDefaults)).toBe(commonMessages['error.internal_error']);
    // Declines too: every one reads as a plain decline until the codes and their sentences arrive.
    const checkoutDefaults = createTranslator('en-US', undefined, {
      ...failureMessages,
      ...declinedMessages,
    });
    expect(describeDecline('insufficient_funds', checkoutDefaults)).toBe(en['decline.declined']);
    await loadErrorMessages();
    expect(describeError(error, componentDefaults)).toBe(en['error.rate_limited']);
    expect(describeDecline('insufficient_funds', checkoutDefaults)).toBe(
      en['decline.insufficient_funds'],
    );
    // A translation or an override the app passes wins over the English catalogue.
    const overridden = createTranslator(
      'en-US',
      { 'error.rate_limited': 'Easy there.' },
      commonMessages,
    );
    expect(describeError(error, overridden)).toBe('Easy there.');
    expect(describeError(error, createTranslator('fr-FR', fr, commonMessages))).toBe(
      fr['error.rate_limited'],
    );
  });
});

describe('describeDecline', () => {
  const translator = createTranslator('en-US', undefined, en);
  beforeAll(() => loadErrorMessages());

  it('turns Stripe decline and authentication codes into what the buyer can do', () => {
    expect(describeDecline('insufficient_funds', translator)).toBe(
      'Your card has insufficient funds. Try another card.',
    );
    expect(describeDecline('payment_intent_authentication_failure', translator)).toBe(
      'Your bank could not confirm it was you. Try again, or use another card.',
    );
    expect(describeDecline('incorrect_cvc', translator)).toMatch(/security code/);
    expect(describeDecline('expired_card', translator)).toMatch(/expired/);
  });

  it('reads lost, stolen and unknown codes as a plain decline, as Stripe advises', () => {
    for (const code of ['lost_card', 'stolen_card', 'fraudulent', 'something_new', undefined]) {
      expect(describeDecline(code, translator)).toBe(en['decline.declined']);
    }
  });
});
