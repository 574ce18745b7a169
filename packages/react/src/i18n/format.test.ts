// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT, SUPPORTED_CURRENCIES, tryFormatMoney } from '@marketkit/core';
import { createTranslator } from './format';
import { formatAmount } from './money';
import { en } from './messages';
import { fr } from './fr';

describe('translator', () => {
  it('ships a French translation for every English message', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    // Words that are the same in both languages.
    const sameInFrench = ['checkout.line', 'checkout.total', 'platformRisk.severity.info'];
    const untranslated = (Object.keys(en) as Array<keyof typeof en>).filter(
      (key) => fr[key] === en[key] && !sameInFrench.includes(key),
    );
    expect(untranslated).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('formats money from minor units and dates from unix seconds for the locale', () => {
    const english = createTranslator('en-US');
    const french = createTranslator('fr-FR');
    expect(formatAmount(123_456, 'usd', 'en-US')).toBe('$1,234.56');
    expect(formatAmount(1200, 'jpy', 'en-US')).toBe('¥1,200');
    // Intl separates French thousands with narrow no-break spaces.
    expect(formatAmount(123_456, 'eur', 'fr-FR').replace(/\s/g, ' ')).toBe('1 234,56 €');
    expect(english.date(1_768_435_200)).toBe('Jan 15, 2026');
    expect(french.date(1_768_435_200)).toBe('15 janv. 2026');
  });

  it("shows every Stripe currency exactly as core formats it, with Stripe's minor units", () => {
    const amounts = [0, 1, -5, 7, 10, 99, 100, 12_345, 12_300, 123_456, -123_450, MAX_AMOUNT];
    for (const locale of ['en-US', 'fr-FR', 'de-DE', 'ja-JP', 'ar-EG', 'hi-IN']) {
      for (const currency of SUPPORTED_CURRENCIES) {
        for (const amount of amounts) {
          expect(formatAmount(amount, currency, locale), `${amount} ${currency} ${locale}`).toBe(
            tryFormatMoney(amount, currency, locale),
          );
        }
      }
    }
    // Zero-decimal, three-decimal and whole-unit currencies follow Stripe, not Intl's own digits.
    const money = (amount: number, currency: string) =>
      formatAmount(amount, currency, 'en-US').replace(/\s/g, ' ');
    expect(money(500, 'ugx')).toBe('UGX 500');
    expect(money(1230, 'kwd')).toBe('KWD 1.230');
    expect(money(123_400, 'isk')).toBe('ISK 1,234');
    expect(money(12_345, 'isk')).toBe('ISK 123.45');
  });

  it('shows what is not an amount unformatted rather than failing', () => {
    expect(formatAmount(0.5, 'usd', 'en-US')).toBe('0.5 USD');
    expect(formatAmount(MAX_AMOUNT + 1, 'usd', 'en-US')).toBe('100000000 USD');
    expect(formatAmount(100, 'not a code', 'en-US')).toBe('100 NOT A CODE');
  });

  it('lets the app override single messages and keeps English for the rest', () => {
    const custom = createTranslator('de-DE', { 'onboarding.not_started': 'Start selling' }, en);
    expect(custom.t('onboarding.not_started')).toBe('Start selling');
    expect(custom.t('onboarding.in_progress')).toBe('Continue setup');
    expect(custom.t('checkout.pay', { amount: '5 €' })).toBe('Pay 5 €');
  });

  it('speaks French with the French catalogue', () => {
    expect(createTranslator('fr-FR', fr).t('checkout.pay', { amount: '5 €' })).toBe('Payer 5 €');
  });
});
