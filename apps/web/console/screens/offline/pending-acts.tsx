import { useClock, useConsole, useT } from '../../core/context.js';
import { timeOfDay } from '../../core/format.js';
import type { QueuedAct } from '../../core/offline/queue.js';
import { errorMessage } from '../../ui/error-text.js';
import { clicked } from '../../ui/handlers.js';

/** The header's count of acts waiting to be sent; a link to the list. */
export function PendingCount() {
  const t = useT();
  const queue = useConsole().offline.value;
  const count = queue?.items.value.length ?? 0;
  if (count === 0) {
    return null;
  }
  const refused = queue!.items.value.filter((act) => act.refusal).length;
  return (
    <a class={`pending-count${refused > 0 ? ' refused' : ''}`} href="#pending-title">
      {t('offline.count', { n: count })}
    </a>
  );
}

/**
 * The acts made offline that wait for the connection, in order, and those refused on replay with
 * the reason and what to do. Shown in the shell on every screen while there are any.
 */
export function PendingActs() {
  const t = useT();
  const clock = useClock();
  const { offline } = useConsole();
  const queue = offline.value;
  const items = queue?.items.value ?? [];
  if (!queue || (items.length === 0 && !queue.unreadable.value)) {
    return null;
  }
  const waiting = items.filter((act) => !act.refusal).length;
  return (
    <section class="pending no-print" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('offline.title', { n: items.length })}</h2>
      {!queue.lasting && <p class="hint">{t('offline.memoryOnly')}</p>}
      {queue.unreadable.value && <p class="notice warning">{t('offline.unreadable')}</p>}
      <ol>
        {items.map((act) => (
          <li
            key={act.requestId}
            class={act.refusal ? 'pending-act refused' : 'pending-act'}
            data-request-id={act.requestId}
          >
            <p>
              <strong>{t(`offline.kind.${act.kind}`)}</strong>{' '}
              {t('offline.madeAt', { time: timeOfDay(clock, act.queuedAt) })}
            </p>
            {act.refusal ? (
              <Refusal act={act} onDismiss={() => void queue.dismiss(act.requestId)} />
            ) : (
              <p class="state">{t('offline.waiting')}</p>
            )}
          </li>
        ))}
      </ol>
      {waiting > 0 && (
        <button
          type="button"
          class="send-now"
          disabled={queue.sending.value}
          onClick={clicked(() => queue.replay())}
        >
          {queue.sending.value ? t('common.working') : t('offline.sendNow')}
        </button>
      )}
    </section>
  );
}

/** Refusals on replay the catalogues explain in their own words (the API's `reason`). */
const REASONS = [
  'HOLD_EXPIRED',
  'HOLD_NOT_FOUND',
  'BED_TAKEN',
  'NO_SUITABLE_BEDS',
  'NOT_CHECKED_IN',
  'ALREADY_IN_A_BED',
  'STALE_REPORT',
] as const;

function Refusal({ act, onDismiss }: { act: QueuedAct; onDismiss(): void }) {
  const t = useT();
  const refusal = act.refusal!;
  return (
    <div class="notice error" role="alert">
      <p class="state">{t('offline.refused')}</p>
      <p class="reason">
        {refusal.reason && (REASONS as readonly string[]).includes(refusal.reason)
          ? t(`offline.reason.${refusal.reason as (typeof REASONS)[number]}`)
          : errorMessage(t, refusal)}
      </p>
      <p class="advice">{t(`offline.advice.${act.kind}`)}</p>
      <button type="button" onClick={onDismiss}>
        {t('offline.dismiss')}
      </button>
    </div>
  );
}
