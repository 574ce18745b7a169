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
