import type { ConsoleKey } from '@albergue/i18n';
import { useEffect, useState } from 'preact/hooks';
import { useClock, useT } from '../../core/context.js';
import { dayAndTime } from '../../core/format.js';
import { countdown } from '../holds/hold-state.js';
import { isOverdue, nextDate, type Timed } from './referral-state.js';

/** Ticks every 30 s, so that countdowns stay true while the screen is open. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** An enum value as the catalogue says it (`follow.state.SENT`…). */
export function enumKey(group: string, value: string): ConsoleKey {
  return `follow.${group}.${value}` as ConsoleKey;
}

/**
 * A referral's state in words, its urgency, and "overdue" written out: the side bar and colour
 * (console.css) only repeat what the words say.
 */
export function StateLine({
  referral,
  now,
}: {
  referral: Timed & { urgency?: string | null };
  now: number;
}) {
  const t = useT();
  const overdue = isOverdue(referral, now);
  return (
    <p class="referral-state">
      {referral.state && (
        <strong class="state" data-state={referral.state}>
          {t(enumKey('state', referral.state))}
        </strong>
      )}
      {referral.urgency && (
        <span class={`urgency urgency-${referral.urgency}`}>
          {' · '}
          {t(enumKey('urgency', referral.urgency))}
        </span>
      )}
      {overdue && (
        <span class="tag overdue-word">
          {' · '}
          {t('follow.overdue')}
        </span>
      )}
    </p>
  );
}

/** What is owed next and by when: the service's answer, or the appointment; overdue said so. */
export function Countdown({ referral, now }: { referral: Timed; now: number }) {
  const t = useT();
  const clock = useClock();
  const next = nextDate(referral);
  if (!next) {
    return null;
  }
  const params = {
    when: countdown(clock.locale, next.at, now),
    time: dayAndTime(clock, next.at),
  };
  const key: ConsoleKey = isOverdue(referral, now)
    ? 'follow.answerOverdue'
    : next.kind === 'answer'
      ? 'follow.answerDue'
      : 'follow.appointmentAt';
  return <p class="countdown">{t(key, params)}</p>;
}
