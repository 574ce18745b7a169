export { MoneyError, isMoneyError } from './money-error';
export { MAX_AMOUNT, SUPPORTED_CURRENCIES, getCurrency, isSupportedCurrency } from './currencies';
export type { CurrencyCode, CurrencyInfo, Money } from './currencies';
export { assertAmount } from './assert-amount';
export type { AssertAmountOptions } from './assert-amount';
export { formatMoney, parseMoney, tryFormatMoney } from './format-money';
export { addMoney, sumAmounts } from './arithmetic';
