export { MoneyError, isMoneyError } from './money-error';
export { MAX_AMOUNT, SUPPORTED_CURRENCIES, getCurrency, isSupportedCurrency } from './currencies';
export type { CurrencyCode, CurrencyInfo, Money } from './currencies';
export { assertAmount } from './assert-amount';
export type { AssertAmountOptions } from './assert-amount';
export { formatMoney, parseMoney, tryFormatMoney } from './format-money';
// Stripe's minor units of a code, without the table of supported codes (what a browser needs to show amounts).
export { digitsOf as currencyDigits } from './currency-digits';
export type { CurrencyDigits } from './currency-digits';
export { addMoney, sumAmounts } from './arithmetic';
