import { useId } from 'react';
import { useMarketkit } from '../provider/marketkit-provider';
import { sellerDebtsMessages } from '../i18n/en/seller-debts';
import type { Translator } from '../i18n/format';
import { formatAmount } from '../i18n/money';
import type { PlatformRiskDebt } from './use-platform-risk-table';

function describeAge(days: number, translator: Translator): string {
  if (days === 0) return translator.t('platformRisk.debts.age.today');
  return translator.t(`platformRisk.debts.age.${days === 1 ? 'one' : 'other'}`, { count: days });
}

export interface SellerDebtsProps {
  debts: readonly PlatformRiskDebt[];
  orderLabel: ((orderId: string) => string) | undefined;
}

/** PlatformRiskTable's list of what sellers owe, loaded only when some do. */
export function SellerDebts({ debts, orderLabel }: SellerDebtsProps) {
  const { translator } = useMarketkit('PlatformRiskTable', sellerDebtsMessages);
  const { t } = translator;
  const debtsTitleId = useId();
  return (
    <>
      <h3 id={debtsTitleId} className="mk-PlatformRiskTable-subtitle">
        {t('platformRisk.debts')}
      </h3>
      <div className="mk-PlatformRiskTable-scroll">
        <table className="mk-PlatformRiskTable-table" aria-labelledby={debtsTitleId}>
          <thead>
            <tr>
              <th scope="col">{t('platformRisk.debts.seller')}</th>
              <th scope="col">{t('platformRisk.debts.order')}</th>
              <th scope="col">{t('platformRisk.debts.source')}</th>
              <th scope="col">{t('platformRisk.debts.outstanding')}</th>
              <th scope="col">{t('platformRisk.debts.amount')}</th>
              <th scope="col">{t('platformRisk.debts.age')}</th>
            </tr>
          </thead>
          <tbody>
            {debts.map((debt) => (
              <tr key={debt.id} data-source={debt.source}>
                <th scope="row">{debt.sellerName}</th>
                <td>{orderLabel ? orderLabel(debt.orderId) : debt.orderId}</td>
                <td>{t(`platformRisk.debts.source.${debt.source}`)}</td>
                <td>
                  {formatAmount(
                    debt.outstanding.amount,
                    debt.outstanding.currency,
                    translator.locale,
                  )}
                </td>
                <td>{formatAmount(debt.amount.amount, debt.amount.currency, translator.locale)}</td>
                <td>{describeAge(debt.ageDays, translator)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
