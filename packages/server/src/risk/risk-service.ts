import { compareSeverity, deriveOnboardingState, highestSeverity } from '@marketkit/core';
import type { Money, PlatformRiskAccount, RiskSignal, SellerDebt } from '@marketkit/core';
import { snapshotAccount } from '../accounts/account-status';
import type { MarketkitConfig } from '../parse-options';
import * as repository from '../stores/repository';
import type { AccountRecord, DebtRecord } from '../stores/repository';

/** A debt as the seller and the platform see it. Lost disputes are stored under the dispute id. */
export function describeDebt(config: MarketkitConfig, debt: DebtRecord): SellerDebt {
  const createdAt = Math.floor(debt.createdAt.getTime() / 1000);
  return {
    id: debt.id,
    sellerId: debt.sellerId,
    source:
      debt.refundId.startsWith('dp_') || debt.refundId.startsWith('du_') ? 'dispute' : 'refund',
    orderId: debt.orderId,
    amount: { amount: debt.amount, currency: debt.currency },
    outstanding: { amount: debt.amount - debt.recovered, currency: debt.currency },
    createdAt,
    ageDays: Math.max(0, Math.floor((config.now() - createdAt) / 86_400)),
  };
}

export interface AccountRisk {
  signals: RiskSignal[];
  /** Negative balances the platform is liable for, as positive amounts. */
  exposure: Money[];
}

/** Reads an account's risk from Stripe (account, balance, failed payouts) and the store (disputes). */
export async function assessAccount(
  config: MarketkitConfig,
  accountId: string,
): Promise<AccountRisk> {
  const { stripe, store } = config;
  const asAccount = { stripeAccount: accountId };
  const [account, balance, failedPayouts, disputed, debts] = await Promise.all([
    stripe.accounts.retrieve(accountId),
    stripe.balance.retrieve({}, asAccount),
    stripe.payouts.list({ limit: 10, status: 'failed' }, asAccount),
    repository.listOpenDisputesForAccount(store, accountId),
    repository.listDebtsOfAccount(store, accountId),
  ]);
  await repository.saveAccountStatus(store, accountId, snapshotAccount(account));
  const signals: RiskSignal[] = [];
  const requirements = account.requirements;
  const disabledReason = requirements?.disabled_reason ?? null;
  const deadline = requirements?.current_deadline ?? undefined;
  const onboarding = deriveOnboardingState(snapshotAccount(account));
  if (onboarding === 'in_progress') {
    // Half-way through onboarding is a next step, not an emergency: Stripe restricts the account and
    // lists everything as due until the seller submits, but one neutral "finish setting up" says it all.
    signals.push({
      id: `onboarding_incomplete:${accountId}`,
      kind: 'onboarding_incomplete',
      severity: 'info',
      remediation: 'finish_onboarding',
      requirements: requirements?.currently_due ?? [],
      ...(deadline ? { deadline } : {}),
    });
  } else if (disabledReason?.startsWith('rejected.')) {
    signals.push({
      id: `account_rejected:${accountId}`,
      kind: 'account_rejected',
      severity: 'critical',
      remediation: 'none',
      reason: disabledReason,
    });
  } else if (disabledReason) {
    signals.push({
      id: `account_restricted:${accountId}`,
      kind: 'account_restricted',
      severity: 'critical',
      remediation: 'account_update',
      reason: disabledReason,
    });
  }
  if (onboarding !== 'in_progress' && (requirements?.past_due ?? []).length > 0) {
    signals.push({
      id: `requirements_past_due:${accountId}`,
      kind: 'requirements_past_due',
      severity: 'critical',
      remediation: 'account_update',
      requirements: requirements!.past_due!,
      ...(deadline ? { deadline } : {}),
    });
  }
  if (onboarding !== 'in_progress' && (requirements?.currently_due ?? []).length > 0 && deadline) {
    const pastDue = new Set(requirements?.past_due ?? []);
    const due = requirements!.currently_due!.filter((item) => !pastDue.has(item));
    if (due.length > 0) {
      signals.push({
        id: `requirements_due:${accountId}`,
        kind: 'requirements_due',
        severity: 'warning',
        remediation: 'account_update',
        requirements: due,
        deadline,
      });
    }
  }
  // One balance figure everywhere: the *available* balance, the same number the seller's PayoutsPanel
  // shows. It is what Stripe settles negative balances against (debiting the liable platform); pending
  // funds are not money yet (a refund or dispute can still take them), so they do not offset it.
  const totals = new Map<string, number>();
  for (const entry of balance.available)
    totals.set(entry.currency, (totals.get(entry.currency) ?? 0) + entry.amount);
  const exposure: Money[] = [];
  for (const [currency, amount] of [...totals].sort(([a], [b]) => a.localeCompare(b))) {
    if (amount >= 0) continue;
    exposure.push({ amount: -amount, currency });
    signals.push({
      id: `negative_balance:${accountId}:${currency}`,
      kind: 'negative_balance',
      severity: 'critical',
      remediation: 'none',
      amount: { amount, currency },
      reason: 'The account owes more than it holds; the platform is liable for the difference.',
    });
  }
  for (const payout of failedPayouts.data) {
    signals.push({
      id: `payout_failed:${payout.id}`,
      kind: 'payout_failed',
      severity: 'warning',
      remediation: 'update_bank_account',
      amount: { amount: payout.amount, currency: payout.currency },
      objectId: payout.id,
      ...(payout.failure_message ? { reason: payout.failure_message } : {}),
    });
  }
  for (const order of disputed) {
    if (!order.dispute) continue;
    signals.push({
      id: `dispute_open:${order.dispute.id}`,
      kind: 'dispute_open',
      severity: 'warning',
      remediation: 'respond_to_dispute',
      amount: { amount: order.dispute.amount, currency: order.currency },
      objectId: order.dispute.id,
      reason: order.dispute.reason,
    });
  }
  // Uncollected debt is exposure too: the platform covered the buyer and has not been repaid yet.
  const owed = new Map<string, number>();
  for (const debt of debts) {
    const outstanding = debt.amount - debt.recovered;
    if (outstanding <= 0) continue;
    owed.set(debt.currency, (owed.get(debt.currency) ?? 0) + outstanding);
    const described = describeDebt(config, debt);
    signals.push({
      id: `seller_debt:${debt.id}`,
      kind: 'seller_debt',
      severity: 'warning',
      remediation: 'none',
      amount: described.outstanding,
      objectId: debt.orderId,
      reason: described.source,
    });
  }
  addMoney(owed, exposure);
  exposure.splice(0, exposure.length, ...toMoneyList(owed));
  return { signals: collapseByRemedy(signals), exposure };
}

/**
 * Signals the same button fixes become one: a restricted account with past-due information is one
 * "update your information" banner (the most severe sentence, every requirement, the earliest deadline),
 * and several failed payouts are one "update your bank details". Disputes stay apart: each is answered
 * on its own.
 */
export function collapseByRemedy(signals: readonly RiskSignal[]): RiskSignal[] {
  const sorted = [...signals].sort((a, b) => compareSeverity(a.severity, b.severity));
  const kept: RiskSignal[] = [];
  const byRemedy = new Map<string, number>();
  for (const signal of sorted) {
    const shared =
      signal.remediation === 'account_update' || signal.remediation === 'update_bank_account';
    const index = shared ? byRemedy.get(signal.remediation) : undefined;
    if (index === undefined) {
      if (shared) byRemedy.set(signal.remediation, kept.length);
      kept.push(signal);
      continue;
    }
    const first = kept[index]!;
    const requirements = [
      ...new Set([...(first.requirements ?? []), ...(signal.requirements ?? [])]),
    ];
    const deadlines = [first.deadline, signal.deadline].filter((value) => value !== undefined);
    kept[index] = {
      ...first,
      ...(requirements.length > 0 ? { requirements } : {}),
      ...(deadlines.length > 0 ? { deadline: Math.min(...deadlines) } : {}),
    };
  }
  return kept;
}

function addMoney(into: Map<string, number>, entries: readonly Money[]): void {
  for (const entry of entries)
    into.set(entry.currency, (into.get(entry.currency) ?? 0) + entry.amount);
}

const toMoneyList = (totals: Map<string, number>): Money[] =>
  [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ currency, amount }));

/** Every account with signals, most exposed first, plus the platform's balance against transfers owed. */
export async function assessPlatform(config: MarketkitConfig) {
  const records = await repository.listAccounts(config.store);
  const results: PlatformRiskAccount[] = [];
  // A few accounts at a time keeps the Stripe call rate bounded on large marketplaces.
  const queue = [...records];
  const work = async () => {
    for (let record = queue.shift(); record; record = queue.shift()) {
      const risk = await assessAccount(config, record.accountId!);
      if (risk.signals.length === 0) continue;
      const fresh: AccountRecord | null = await repository.findAccountById(
        config.store,
        record.accountId!,
      );
      results.push({
        accountId: record.accountId!,
        userId: record.userId,
        displayName: record.displayName,
        state: deriveOnboardingState(fresh?.status ?? record.status),
        highestSeverity: highestSeverity(risk.signals.map((signal) => signal.severity)),
        signals: risk.signals,
        exposure: risk.exposure,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, queue.length) }, work));
  const exposureOf = (account: PlatformRiskAccount) =>
    account.exposure.reduce((sum, entry) => sum + entry.amount, 0);
  results.sort(
    (a, b) =>
      exposureOf(b) - exposureOf(a) ||
      compareSeverity(a.highestSeverity ?? 'info', b.highestSeverity ?? 'info') ||
      a.accountId.localeCompare(b.accountId),
  );
  const exposure = new Map<string, number>();
  for (const account of results) addMoney(exposure, account.exposure);
  const [platformBalance, owed] = await Promise.all([
    config.stripe.balance.retrieve(),
    repository.sumTransfersOwed(config.store),
  ]);
  return {
    accounts: results,
    exposure: toMoneyList(exposure),
    platformBalance: {
      available: platformBalance.available.map((entry) => ({
        amount: entry.amount,
        currency: entry.currency,
      })),
      pending: platformBalance.pending.map((entry) => ({
        amount: entry.amount,
        currency: entry.currency,
      })),
    },
    transfersOwed: owed,
    debts: (await repository.listDebts(config.store, null))
      .filter((debt) => debt.recovered < debt.amount)
      .map((debt) => describeDebt(config, debt)),
    generatedAt: config.now(),
  };
}
