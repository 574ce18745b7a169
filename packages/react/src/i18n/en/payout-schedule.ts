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
