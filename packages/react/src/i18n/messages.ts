import { declineMessages } from './decline-messages';
import { errorMessages } from './error-messages';

/**
 * Every string the kit shows, in English, grouped by component so a page that renders one component
 * ships only that component's strings (no spreads between groups: they would defeat tree-shaking). Apps override any message through `<MarketkitProvider messages>`.
 */
// The shared strings in small groups, so each component ships only the ones it shows.
/** What every component says when something fails (`describeError` and the retry button). */
export const failureMessages = {
  'common.retry': 'Try again',
  'common.errorLoading': 'This could not be loaded. {message}',
  'common.networkError': 'The server could not be reached. Check your connection and try again.',
  // Shown for any failure until the full error catalogue (loaded on demand) says more.
  'error.internal_error':
    'Something went wrong on our side. Try again; if it keeps happening, contact support.',
};
/** What the embedded variants show while Stripe's Connect components load (in the first load). */
export const embeddedLoadingMessages = { 'embedded.loading': 'Loading Stripe…' };
/** The embedded variants' loading and failure (the failure comes with the embedded entry). */
export const embeddedMessages = /* @__PURE__ */ Object.assign({}, embeddedLoadingMessages, {
  'embedded.error':
    'This part of the page could not be loaded. Check your connection and reload the page.',
});
export const loadingMessages = { 'common.loading': 'Loading…' };
export const confirmMessages = { 'common.cancel': 'Cancel', 'common.confirm': 'Confirm' };
export const closeMessages = { 'common.close': 'Close' };
export const dismissMessages = { 'common.dismiss': 'Dismiss' };

export const commonMessages: typeof failureMessages &
  typeof embeddedMessages &
  typeof loadingMessages &
  typeof confirmMessages &
  typeof closeMessages &
  typeof dismissMessages = /* @__PURE__ */ Object.assign(
  {},
  loadingMessages,
  failureMessages,
  confirmMessages,
  closeMessages,
  dismissMessages,
  embeddedMessages,
);

export const onboardingMessages = {
  'onboarding.not_started': 'Set up payouts',
  'onboarding.in_progress': 'Continue setup',
  'onboarding.restricted': 'Update information',
  'onboarding.pending_verification': 'Verifying…',
  'onboarding.enabled': 'Payouts enabled',
  'onboarding.rejected': 'Account rejected — contact support',
  'onboarding.manage': 'Manage',
  'onboarding.redirecting': 'Opening Stripe…',
  'onboarding.dialogTitle': 'Set up payouts',
};

export const checkoutMessages = {
  'checkout.title': 'Order summary',
  'checkout.seller': 'Sold by {name}',
  'checkout.line': '{description} × {quantity}',
  'checkout.subtotal': 'Subtotal',
  'checkout.platformFee': 'Includes marketplace fee',
  'checkout.total': 'Total',
  'checkout.pay': 'Pay {amount}',
  'checkout.paying': 'Processing payment…',
  'checkout.preparing': 'Preparing checkout…',
  'checkout.empty': 'Your cart is empty.',
  'checkout.confirmingOrder': 'Payment received. Confirming your order…',
  'checkout.succeeded': 'Payment complete. Order {orderId}',
  'checkout.paidTo': '{name} receives {amount}',
  'checkout.declined': 'Your payment was not completed. {message}',
  'checkout.stripeUnavailable': 'The payment form could not be loaded.',
};

export const payoutsMessages = {
  'payouts.title': 'Payouts',
  'payouts.available': 'Available',
  'payouts.pending': 'Pending',
  'payouts.nextPayout': 'Next payout: {amount} arriving {date}',
  'payouts.noNextPayout': 'No payout scheduled',
  'payouts.history': 'Payout history',
  'payouts.empty': 'No payouts yet',
  'payouts.amount': 'Amount',
  'payouts.arrival': 'Arrival',
  'payouts.status': 'Status',
  'payouts.status.paid': 'Paid',
  'payouts.status.pending': 'Pending',
  'payouts.status.in_transit': 'In transit',
  'payouts.status.failed': 'Failed',
  'payouts.status.canceled': 'Canceled',
  'payouts.setup': 'Set up payouts to see your balance and get paid for your sales.',
  'payouts.instant.no_eligible_card':
    'Instant payouts need a debit card that supports them. Add one in your Express Dashboard.',
  'payouts.instant.no_instant_balance':
    'Instant payouts become possible once part of your balance can be paid out instantly.',
  'payouts.failure.bank_details': 'Your bank returned this payout. Check your bank details.',
  'payouts.failure.try_again': 'Your bank could not process this payout. Try again later.',
  'payouts.previousPage': 'Previous page',
  'payouts.nextPage': 'Next page',
  'payouts.payoutNow': 'Pay out now',
  'payouts.instantPayout': 'Instant payout',
  'payouts.confirmStandard': 'Pay out {amount} to your bank account?',
  'payouts.confirmInstant': 'Pay out {amount} instantly to your debit card? A fee may apply.',
  'payouts.created': 'Payout of {amount} created.',
  'payouts.dashboard': 'Open Express Dashboard',
  'payouts.schedule': 'Payout schedule',
  'payouts.schedule.manual': 'Manual',
  'payouts.schedule.daily': 'Daily',
  'payouts.schedule.weekly': 'Weekly on {day}',
  'payouts.schedule.monthly': 'Monthly on day {day}',
  'payouts.schedule.edit': 'Edit schedule',
};

/** PayoutsPanel's schedule form, which loads when a seller opens it. */
export const payoutScheduleMessages = {
  'payouts.interval.manual': 'Manual',
  'payouts.interval.daily': 'Daily',
  'payouts.interval.weekly': 'Weekly',
  'payouts.interval.monthly': 'Monthly',
  'payouts.schedule.save': 'Save schedule',
  'payouts.schedule.interval': 'Frequency',
  'payouts.schedule.weeklyAnchor': 'Day of the week',
  'payouts.schedule.monthlyAnchor': 'Day of the month',
};

export const riskMessages = {
  'risk.title': 'Account alerts',
  'risk.requirements_past_due':
    'Information is past due. Payouts are paused until you update it{deadline}.',
  'risk.requirements_due': 'Stripe needs more information{deadline}.',
  'risk.account_restricted':
    'Your account is restricted. Update your information to resume payouts.',
  'risk.account_rejected': 'Your account was rejected. Contact support.',
  'risk.negative_balance':
    'Your balance is negative ({amount}). The platform is covering it until new sales arrive.',
  'risk.payout_failed': 'A payout could not reach your bank. Update your bank details to get paid.',
  'risk.dispute_open': 'A customer disputed a payment of {amount}.',
  'risk.onboarding_incomplete': 'Finish setting up your account to start getting paid.',
  'risk.seller_debt': 'You owe {amount}, taken from your next sales.',
  'risk.seller_debt.refund':
    '{amount} from refunded order {order} will be deducted from your next sales.',
  'risk.seller_debt.dispute':
    '{amount} from the dispute you lost on order {order} will be deducted from your next sales.',
  'risk.deadline': ' by {date}',
  'risk.remediation.account_update': 'Update information',
  'risk.remediation.finish_onboarding': 'Finish setup',
  'risk.remediation.update_bank_account': 'Update bank details',
  'risk.remediation.respond_to_dispute': 'Respond to dispute',
};

export const platformRiskMessages = {
  'platformRisk.title': 'Accounts at risk',
  'platformRisk.exposure': 'Platform exposure',
  'platformRisk.noExposure': 'No exposure',
  'platformRisk.empty': 'No accounts at risk',
  'platformRisk.account': 'Account',
  'platformRisk.state': 'Onboarding',
  'platformRisk.severity': 'Severity',
  'platformRisk.signals': 'Signals',
  'platformRisk.accountExposure': 'Exposure',
  'platformRisk.severity.critical': 'Critical',
  'platformRisk.severity.warning': 'Warning',
  'platformRisk.severity.info': 'Info',
  'platformRisk.severity.none': 'None',
  'platformRisk.state.not_started': 'Not started',
  'platformRisk.state.in_progress': 'In progress',
  'platformRisk.state.pending_verification': 'Pending verification',
  'platformRisk.state.restricted': 'Restricted',
  'platformRisk.state.enabled': 'Enabled',
  'platformRisk.state.rejected': 'Rejected',
  'platformRisk.exposureDebt': 'Including seller debt',
};

/** PlatformRiskTable's list of seller debts, which loads only when some seller owes something. */
export const sellerDebtsMessages = {
  'platformRisk.debts': 'Seller debts',
  'platformRisk.debts.seller': 'Seller',
  'platformRisk.debts.order': 'Order',
  'platformRisk.debts.source': 'Reason',
  'platformRisk.debts.source.refund': 'Refund after payout',
  'platformRisk.debts.source.dispute': 'Lost dispute',
  'platformRisk.debts.amount': 'Owed at first',
  'platformRisk.debts.outstanding': 'Outstanding',
  'platformRisk.debts.age': 'Age',
  'platformRisk.debts.age.today': 'Today',
  'platformRisk.debts.age.one': '1 day',
  'platformRisk.debts.age.other': '{count} days',
};

/** The whole English catalogue (the reference for other languages). */
export const en: typeof commonMessages &
  typeof errorMessages &
  typeof onboardingMessages &
  typeof checkoutMessages &
  typeof declineMessages &
  typeof payoutsMessages &
  typeof payoutScheduleMessages &
  typeof riskMessages &
  typeof platformRiskMessages &
  typeof sellerDebtsMessages = /* @__PURE__ */ Object.assign(
  {},
  commonMessages,
  errorMessages,
  onboardingMessages,
  checkoutMessages,
  declineMessages,
  payoutsMessages,
  payoutScheduleMessages,
  riskMessages,
  platformRiskMessages,
  sellerDebtsMessages,
);

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
