import type { PayoutSchedule, Weekday } from '@marketkit/core';
import { WEEKDAYS } from '@marketkit/core';
import type { Translator } from '../i18n/format';

/** A weekday's name in the locale (2024-01-01 was a Monday). */
export function weekdayName(day: Weekday, locale: string): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** The schedule as the seller reads it, e.g. "Weekly on Friday". */
export function describeSchedule(schedule: PayoutSchedule, translator: Translator): string {
  switch (schedule.interval) {
    case 'manual':
      return translator.t('payouts.schedule.manual');
    case 'daily':
      return translator.t('payouts.schedule.daily');
    case 'weekly':
      return translator.t('payouts.schedule.weekly', {
        day: weekdayName(schedule.weeklyAnchor, translator.locale),
      });
    case 'monthly':
      return translator.t('payouts.schedule.monthly', { day: schedule.monthlyAnchor });
  }
}
