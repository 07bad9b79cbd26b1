import { useQuery } from '@urql/preact';
import { useClock, useConsole, useT } from '../../core/context.js';
import { timeOfDay } from '../../core/format.js';
import { aboutAct } from '../../core/offline/about.js';
import { type QueuedAct, tooOld } from '../../core/offline/queue.js';
import { graphql } from '../../graphql/graphql.js';
import { errorMessage } from '../../ui/error-text.js';
import type { Population } from '../gate/gate-documents.js';
import { clicked } from '../../ui/handlers.js';
import { initials } from '../board/board-diff.js';

/** The labels of the beds a refused registration had chosen (beds are no one's personal data). */
const PendingBeds = graphql(`
  query PendingBeds($shelterId: ID!) {
    bedBoard(shelterId: $shelterId) {
      id
      label
      roomName
    }
  }
`);

/** Sent by nobody: refused on replay, or too old to be sent safely (core/offline/queue.ts). */
const stuck = (act: QueuedAct, now: Date) => act.refusal !== undefined || tooOld(act, now);

/** The header's count of acts waiting to be sent; a link to the list. */
export function PendingCount() {
  const t = useT();
  const queue = useConsole().offline.value;
  const count = queue?.items.value.length ?? 0;
  if (count === 0) {
    return null;
  }
  const now = new Date();
  const refused = queue!.items.value.filter((act) => stuck(act, now)).length;
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
  const now = new Date();
  const waiting = items.filter((act) => !stuck(act, now)).length;
  return (
    <section class="pending no-print" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('offline.title', { n: items.length })}</h2>
      {!queue.lasting && <p class="hint">{t('offline.memoryOnly')}</p>}
      {queue.unreadable.value && <p class="notice warning">{t('offline.unreadable')}</p>}
      <ol>
        {items.map((act) => (
          <li
            key={act.requestId}
            class={
              act.refusal
                ? 'pending-act refused'
                : tooOld(act, now)
                  ? 'pending-act refused too-old'
                  : 'pending-act'
            }
            data-request-id={act.requestId}
          >
            <p>
              <strong>{t(`offline.kind.${act.kind}`)}</strong>{' '}
              {t('offline.madeAt', { time: timeOfDay(clock, act.queuedAt) })}
            </p>
            <About act={act} full={stuck(act, now)} />
            {act.refusal ? (
              <Refusal act={act} onDismiss={() => void queue.dismiss(act.requestId)} />
            ) : tooOld(act, now) ? (
              <div class="notice error" role="alert">
                <p class="state">{t('offline.tooOld')}</p>
                <button type="button" onClick={() => void queue.dismiss(act.requestId)}>
                  {t('offline.dismiss')}
                </button>
              </div>
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

/**
 * Who or what the act concerns, from its own variables: the names as recorded when it must be
 * found and redone (`full`), their initials while it only waits (the list shows on every screen).
 */
function About({ act, full }: { act: QueuedAct; full: boolean }) {
  const t = useT();
  const about = aboutAct(act);
  const parts: string[] = [];
  if (about.names && about.names.length > 0) {
    parts.push(
      t('offline.about.names', {
        names: (full ? about.names : about.names.map((name) => initials(name))).join(', '),
      }),
    );
  } else if (about.people !== undefined) {
    parts.push(t('offline.about.people', { n: about.people }));
  }
  if (about.population && act.kind === 'turnaway') {
    parts.push(t(`group.${about.population as Population}`));
  }
  if (parts.length === 0 && !about.bedIds) {
    return null;
  }
  return (
    <p class="about">
      {parts.join(' · ')}
      {full && about.bedIds && about.shelterId && (
        <BedLabels shelterId={about.shelterId} bedIds={about.bedIds} />
      )}
    </p>
  );
}

function BedLabels({ shelterId, bedIds }: { shelterId: string; bedIds: string[] }) {
  const t = useT();
  const [beds] = useQuery({ query: PendingBeds, variables: { shelterId } });
  const labels = (beds.data?.bedBoard ?? [])
    .filter((bed) => bedIds.includes(bed.id))
    .map((bed) => `${bed.roomName} ${bed.label}`);
  if (labels.length === 0) {
    return null;
  }
  return <> · {t('offline.about.beds', { n: labels.length, beds: labels.join(', ') })}</>;
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
  'POSSIBLE_DUPLICATE',
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
      <p class="advice">
        {refusal.reason === 'POSSIBLE_DUPLICATE'
          ? t('offline.advice.duplicate')
          : t(`offline.advice.${act.kind}`)}
      </p>
      <button type="button" onClick={onDismiss}>
        {t('offline.dismiss')}
      </button>
    </div>
  );
}
