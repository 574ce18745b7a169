/** RiskBanner's signals, which load once a seller has some. */
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
