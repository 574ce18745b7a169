import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { PayoutSchedule, Weekday } from '@marketkit/core';
import { WEEKDAYS } from '@marketkit/core';
import { useMarketkit } from '../provider/marketkit-provider';
import { confirmMessages } from '../i18n/en/common';
import { payoutScheduleMessages } from '../i18n/en/payout-schedule';
import { weekdayName } from './schedule';
import type { UsePayoutsPanelResult } from './use-payouts-panel';

/** The form's defaults: the shared strings it shows and its own. */
const payoutScheduleFormMessages = /* @__PURE__ */ Object.assign(
  {},
  confirmMessages,
  payoutScheduleMessages,
);

export interface ScheduleEditorProps {
  panel: UsePayoutsPanelResult;
  onDone: () => void;
}

/**
 * The form that changes the payout schedule. Few visits open it, so it loads when a seller does
 * (`@marketkit/react/payout-schedule-form` when published), with its own sentences.
 */
export function ScheduleEditor({ panel, onDone }: ScheduleEditorProps) {
  const { translator } = useMarketkit('PayoutsPanel', payoutScheduleFormMessages);
  const { t } = translator;
  const current = panel.schedule.data!.schedule;
  const [interval, setInterval] = useState<PayoutSchedule['interval']>(current.interval);
  const [weeklyAnchor, setWeeklyAnchor] = useState<Weekday>(
    current.interval === 'weekly' ? current.weeklyAnchor : 'monday',
  );
  const [monthlyAnchor, setMonthlyAnchor] = useState(
    current.interval === 'monthly' ? current.monthlyAnchor : 1,
  );
  const ids = useId();
  // Opened by a button that is now gone: the keyboard continues in the form.
  const firstField = useRef<HTMLSelectElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  const busy = panel.scheduleStatus === 'pending';

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    // Keep the platform's delay when the interval supports one.
    const delayDays = 'delayDays' in current ? current.delayDays : undefined;
    const delay = delayDays === undefined ? {} : { delayDays };
    const next: PayoutSchedule =
      interval === 'manual'
        ? { interval }
        : interval === 'daily'
          ? { interval, ...delay }
          : interval === 'weekly'
            ? { interval, weeklyAnchor, ...delay }
            : { interval, monthlyAnchor, ...delay };
    await panel.saveSchedule(next);
    onDone();
  }

  return (
    <form
      className="mk-PayoutsPanel-scheduleForm"
      onSubmit={(event) => void handleSubmit(event)}
      aria-busy={busy || undefined}
    >
      <label className="mk-Field" htmlFor={`${ids}-interval`}>
        {t('payouts.schedule.interval')}
        <select
          ref={firstField}
          id={`${ids}-interval`}
          value={interval}
          onChange={(event) => setInterval(event.target.value as PayoutSchedule['interval'])}
        >
          {(['manual', 'daily', 'weekly', 'monthly'] as const).map((option) => (
            <option key={option} value={option}>
              {t(`payouts.interval.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {interval === 'weekly' && (
        <label className="mk-Field" htmlFor={`${ids}-weekday`}>
          {t('payouts.schedule.weeklyAnchor')}
          <select
            id={`${ids}-weekday`}
            value={weeklyAnchor}
            onChange={(event) => setWeeklyAnchor(event.target.value as Weekday)}
          >
            {WEEKDAYS.map((day) => (
              <option key={day} value={day}>
                {weekdayName(day, translator.locale)}
              </option>
            ))}
          </select>
        </label>
      )}
      {interval === 'monthly' && (
        <label className="mk-Field" htmlFor={`${ids}-monthday`}>
          {t('payouts.schedule.monthlyAnchor')}
          <input
            id={`${ids}-monthday`}
            type="number"
            min={1}
            max={31}
            required
            value={monthlyAnchor}
            onChange={(event) => setMonthlyAnchor(Number(event.target.value))}
          />
        </label>
      )}
      <div className="mk-Actions">
        <button type="submit" className="mk-Button" disabled={busy} aria-busy={busy || undefined}>
          {t('payouts.schedule.save')}
        </button>
        <button type="button" className="mk-Button" data-variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
