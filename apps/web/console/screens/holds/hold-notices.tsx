import { useState } from 'preact/hooks';
import { useClock, useConsole, useStaffEvent, useT } from '../../core/context.js';
import { timeOfDay } from '../../core/format.js';

interface Notice {
  kind: 'arrived' | 'expiring';
  holdId: string;
  shelterId: string;
  expiresAt: string | null;
}

/**
 * The `/staff` warnings about holds (`holdArrived`: places now kept here for people on the way;
 * `holdExpiring`: a hold lapses soon), shown on every screen of the console until dismissed. A
 * hold of several beds is one notice.
 */
export function HoldNotices() {
  const t = useT();
  const { session, router } = useConsole();
  const clock = useClock();
  const [notices, setNotices] = useState<Notice[]>([]);
  const add = (notice: Notice) =>
    setNotices((current) =>
      current.some((each) => each.kind === notice.kind && each.holdId === notice.holdId)
        ? current
        : [...current, notice],
    );
  useStaffEvent('holdArrived', (hold) => add({ kind: 'arrived', ...hold }));
  useStaffEvent('holdExpiring', (hold) => add({ kind: 'expiring', ...hold }));
  const nameOf = (shelterId: string) =>
    session.me.value?.memberships.find((each) => each.shelterId === shelterId)?.shelterName ?? '';
  return (
    // Always there, empty or not, so that screen readers announce what comes into it.
    <div class="notices no-print" aria-live="polite">
      {notices.length > 0 && (
        <ul aria-label={t('holds.notices')}>
          {notices.map((notice) => (
            <li
              key={`${notice.kind}:${notice.holdId}`}
              class={`notice ${notice.kind === 'expiring' ? 'warning' : 'info'} hold-notice`}
              data-kind={notice.kind}
            >
              <p>
                {t(notice.kind === 'arrived' ? 'holds.notice.arrived' : 'holds.notice.expiring', {
                  shelter: nameOf(notice.shelterId),
                  time: notice.expiresAt ? timeOfDay(clock, notice.expiresAt) : '—',
                })}{' '}
                <a href={router.href(`/shelters/${notice.shelterId}/holds`)}>{t('holds.see')}</a>
              </p>
              <button
                type="button"
                class="dismiss"
                onClick={() =>
                  setNotices((current) =>
                    current.filter(
                      (each) => !(each.kind === notice.kind && each.holdId === notice.holdId),
                    ),
                  )
                }
              >
                {t('holds.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
