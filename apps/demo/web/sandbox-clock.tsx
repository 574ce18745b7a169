import { useEffect, useState } from 'react';
import { demoFetch } from './api';
import { useDemoTranslator } from './i18n';

const DAY_SECONDS = 86_400;
/** Dispatched on `window` after the admin moves the sandbox clock, so the header shows the new time. */
export const CLOCK_CHANGED_EVENT = 'demo:sandbox-clock';

/**
 * The sandbox's own date, always in sight: payout arrival dates, deadlines and "available" funds are all
 * computed on this clock, which the admin can move days ahead of the real one.
 */
export function SandboxClock() {
  const { t, dateTime } = useDemoTranslator();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    let current = true;
    const load = () =>
      demoFetch<{ now: number }>('/api/demo/sandbox/clock').then(
        (result) => current && setNow(result.now),
        () => current && setNow(null),
      );
    void load();
    window.addEventListener(CLOCK_CHANGED_EVENT, load);
    return () => {
      current = false;
      window.removeEventListener(CLOCK_CHANGED_EVENT, load);
    };
  }, []);
  if (now === null) return null;
  const daysAhead = Math.round((now - Date.now() / 1000) / DAY_SECONDS);
  return (
    <span className="demo-Mode demo-Clock" title={t('clock.title')} data-testid="sandbox-clock">
      {t('clock.label', { date: dateTime(now) })}
      {daysAhead >= 1 ? (
        <span className="demo-ClockAhead">
          {daysAhead === 1 ? t('clock.aheadOne') : t('clock.ahead', { days: daysAhead })}
        </span>
      ) : null}
    </span>
  );
}
