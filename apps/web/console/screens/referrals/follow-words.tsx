import type { ConsoleKey } from '@albergue/i18n';
import { useClock, useT } from '../../core/context.js';
import { countdown, dayAndTime } from '../../core/format.js';
import { referralWord } from '../referral-words.js';
import { isOverdue, nextDate, type Timed } from './referral-state.js';

/**
 * A follow-up word of its own (`follow.basis.CONSENT`, `follow.detail.…`); the referral vocabulary
 * (state, urgency, category…) is `referralWord`'s, one key for every screen.
 */
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
          {t(referralWord('state', referral.state))}
        </strong>
      )}
      {referral.urgency && (
        <span class={`urgency urgency-${referral.urgency}`}>
          {' · '}
          {t(referralWord('urgency', referral.urgency))}
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
