import { useEffect, useRef, useState } from 'preact/hooks';
import { type ActState, useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import { instantOfWallClock } from '../../core/format.js';
import type { VariablesOf } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { clicked, submitted } from '../../ui/handlers.js';
import { NOT_COMPLETED, OUTCOMES } from '../referral-words.js';
import {
  AcceptReferral,
  type InboxReferral,
  NotCompleted,
  RecordOutcome,
  RejectReferral,
  ScheduleReferral,
} from './service-documents.js';

type RejectReason = VariablesOf<typeof RejectReferral>['input']['reason'];

const REJECT_REASONS: RejectReason[] = ['NO_CAPACITY', 'NOT_ELIGIBLE', 'WRONG_SERVICE'];

type Panel = 'idle' | 'accept' | 'reject' | 'rejectOther' | 'schedule' | 'outcome' | 'notCompleted';

/**
 * Someone else's change, said on the row: an act refused as stale (STALE_REFERRAL), a move no
 * longer allowed from the referral's state now (TRANSITION_NOT_ALLOWED), the person erased
 * (SUBJECT_ERASED), or the referral changed (live) while an act's panel was open.
 */
export type Conflict = 'stale' | 'notAllowed' | 'erased' | 'changed';

/** The refusals that mean the screen is behind: said in words and the list read again. */
function conflictOf(error: ActState<unknown>['error']): Conflict | undefined {
  switch (error?.reason) {
    case 'STALE_REFERRAL':
      return 'stale';
    case 'TRANSITION_NOT_ALLOWED':
      return 'notAllowed';
    case 'SUBJECT_ERASED':
      return 'erased';
    default:
      return undefined;
  }
}

/**
 * What the service may do with a referral in its state, each in two taps: the first opens the
 * act (and asks what it needs: a reason from the list, a date and place), the second does it.
 * Every act names the version the screen showed when its panel opened: if the referral changes
 * while the panel is open (a live read), the panel closes and the row says someone else changed
 * it; if someone else answered unseen, the API refuses (STALE_REFERRAL), said in words too.
 */
export function ReferralActs({
  referral,
  onAnswered,
  onConflict,
  onOpened,
}: {
  referral: InboxReferral;
  onAnswered(view: InboxReferral): void;
  onConflict(conflict: Conflict): void;
  /**
   * The version an act's panel was opened on, null once it closed or its act went out: the
   * inbox checks it against live reads too, as a row that changes group is drawn anew.
   */
  onOpened?(version: number | null): void;
}) {
  const t = useT();
  const { timeZone } = useConsole();
  const accept = useAct(AcceptReferral);
  const reject = useAct(RejectReferral);
  const schedule = useAct(ScheduleReferral);
  const outcome = useAct(RecordOutcome);
  const notCompleted = useAct(NotCompleted);
  const [panel, setPanel] = useState<Panel>('idle');
  const [note, setNote] = useState('');
  const [when, setWhen] = useState('');
  const [place, setPlace] = useState(referral.place ?? '');
  const [error, setError] = useState<ActState<unknown>['error']>();
  // The version the panel was opened on: what the act names, not a newer one a live read brought.
  const [openedOn, setOpenedOn] = useState(referral.version);
  // An act of this screen on its way: its own change is not someone else's.
  const acting = useRef(false);
  const base = (requestId: string) => {
    acting.current = true;
    onOpened?.(null);
    return { referralId: referral.id, requestId, version: openedOn };
  };
  const open = (next: Panel) => {
    setError(undefined);
    setNote('');
    if (next !== 'idle' && panel === 'idle') {
      setOpenedOn(referral.version);
      setPlace(referral.place ?? '');
      onOpened?.(referral.version);
    }
    if (next === 'idle') {
      onOpened?.(null);
    }
    setPanel(next);
  };
  useEffect(() => {
    // Changed by someone else while a panel is open: closed, said in words, the new state shown.
    if (panel !== 'idle' && !acting.current && referral.version !== openedOn) {
      setPanel('idle');
      onConflict('changed');
    }
  }, [referral.version, panel]);
  /** An act's answer: the new view, or someone else's answer first, or a refusal to show. */
  const settle = (answer: ActState<unknown>, view: InboxReferral | undefined) => {
    if (answer.pending) {
      return;
    }
    acting.current = false;
    const conflict = conflictOf(answer.error);
    if (conflict) {
      setPanel('idle');
      onConflict(conflict);
      return;
    }
    if (answer.error) {
      setError(answer.error);
      return;
    }
    if (view) {
      setPanel('idle');
      onAnswered(view);
    }
  };
  const pending =
    accept.state.pending ||
    reject.state.pending ||
    schedule.state.pending ||
    outcome.state.pending ||
    notCompleted.state.pending;
  const state = referral.state;
  const mayReschedule =
    state === 'ACCEPTED' ||
    state === 'SCHEDULED' ||
    (state === 'NOT_COMPLETED' && referral.notCompletedReason === 'NO_SHOW');
  const cancel = (
    <button type="button" class="cancel" onClick={() => open('idle')}>
      {t('common.cancel')}
    </button>
  );
  const noteField = (label: string, required = false) => (
    <Field
      label={label}
      name="note"
      value={note}
      required={required}
      maxLength={2000}
      onInput={(event) => setNote(event.currentTarget.value)}
    />
  );
  return (
    <div class="inbox-acts">
      <ErrorText error={error} />
      {panel === 'idle' && (
        <div class="actions">
          {state === 'SENT' && (
            <>
              <button type="button" class="primary accept" onClick={() => open('accept')}>
                {t('inbox.accept')}
              </button>
              <button type="button" class="reject" onClick={() => open('reject')}>
                {t('inbox.reject')}
              </button>
            </>
          )}
          {mayReschedule && (
            <button
              type="button"
              class={state === 'ACCEPTED' ? 'primary schedule' : 'schedule'}
              onClick={() => open('schedule')}
            >
              {state === 'ACCEPTED' ? t('inbox.schedule') : t('inbox.reschedule')}
            </button>
          )}
          {state === 'SCHEDULED' && (
            <button type="button" class="primary outcome" onClick={() => open('outcome')}>
              {t('inbox.outcome')}
            </button>
          )}
          {(state === 'ACCEPTED' || state === 'SCHEDULED') && (
            <button type="button" class="not-completed" onClick={() => open('notCompleted')}>
              {t('inbox.notCompleted')}
            </button>
          )}
        </div>
      )}
      {panel === 'accept' && (
        <div class="confirm" role="group" aria-label={t('inbox.accept')}>
          <div class="actions">
            <button
              type="button"
              class="primary confirm-accept"
              disabled={pending}
              onClick={clicked(async () => {
                const answer = await accept.run((requestId) => ({ input: base(requestId) }));
                settle(answer, answer.data?.acceptReferral);
              })}
            >
              {accept.state.pending ? t('common.working') : t('inbox.acceptConfirm')}
            </button>
            {cancel}
          </div>
        </div>
      )}
      {panel === 'reject' && (
        <fieldset class="confirm choices">
          <legend>{t('inbox.rejectWhy')}</legend>
          <div class="taps">
            {REJECT_REASONS.map((reason) => (
              <button
                key={reason}
                type="button"
                data-reason={reason}
                disabled={pending}
                onClick={clicked(async () => {
                  const answer = await reject.run((requestId) => ({
                    input: { ...base(requestId), reason },
                  }));
                  settle(answer, answer.data?.rejectReferral);
                })}
              >
                {t(`referral.reject.${reason}`)}
              </button>
            ))}
            <button type="button" data-reason="OTHER" onClick={() => open('rejectOther')}>
              {t('referral.reject.OTHER')}
            </button>
          </div>
          <div class="actions">{cancel}</div>
        </fieldset>
      )}
      {panel === 'rejectOther' && (
        <form
          class="confirm"
          aria-label={t('inbox.reject')}
          onSubmit={submitted(async () => {
            const answer = await reject.run((requestId) => ({
              input: { ...base(requestId), reason: 'OTHER', note: note.trim() },
            }));
            settle(answer, answer.data?.rejectReferral);
          })}
        >
          {noteField(t('inbox.rejectNote'), true)}
          <div class="actions">
            <button
              type="submit"
              class="danger confirm-reject"
              disabled={pending || note.trim() === ''}
            >
              {reject.state.pending ? t('common.working') : t('inbox.rejectConfirm')}
            </button>
            {cancel}
          </div>
        </form>
      )}
      {panel === 'schedule' && (
        <form
          class="confirm schedule-form"
          aria-label={t('inbox.schedule')}
          onSubmit={submitted(async () => {
            const answer = await schedule.run((requestId) => ({
              input: {
                ...base(requestId),
                scheduledFor: instantOfWallClock(timeZone, when),
                place: place.trim() || null,
              },
            }));
            settle(answer, answer.data?.scheduleReferral);
          })}
        >
          <Field
            label={t('inbox.when')}
            type="datetime-local"
            name="when"
            required
            value={when}
            onInput={(event) => setWhen(event.currentTarget.value)}
          />
          <Field
            label={t('inbox.where')}
            name="place"
            value={place}
            maxLength={200}
            onInput={(event) => setPlace(event.currentTarget.value)}
          />
          <div class="actions">
            <button
              type="submit"
              class="primary confirm-schedule"
              disabled={pending || when === ''}
            >
              {schedule.state.pending ? t('common.working') : t('inbox.scheduleConfirm')}
            </button>
            {cancel}
          </div>
        </form>
      )}
      {panel === 'outcome' && (
        <fieldset class="confirm choices">
          <legend>{t('inbox.outcomeWhich')}</legend>
          {noteField(t('inbox.optionalNote'))}
          <div class="taps">
            {OUTCOMES.map((each) => (
              <button
                key={each}
                type="button"
                data-outcome={each}
                disabled={pending}
                onClick={clicked(async () => {
                  const answer = await outcome.run((requestId) => ({
                    input: { ...base(requestId), outcome: each, note: note.trim() || null },
                  }));
                  settle(answer, answer.data?.recordReferralOutcome);
                })}
              >
                {t(`referral.outcome.${each}`)}
              </button>
            ))}
          </div>
          <div class="actions">{cancel}</div>
        </fieldset>
      )}
      {panel === 'notCompleted' && (
        <fieldset class="confirm choices">
          <legend>{t('inbox.notCompletedWhy')}</legend>
          {noteField(t('inbox.optionalNote'))}
          <div class="taps">
            {/* A no-show is of an appointment: only a scheduled referral has one. */}
            {NOT_COMPLETED.filter((each) => each !== 'NO_SHOW' || state === 'SCHEDULED').map(
              (each) => (
                <button
                  key={each}
                  type="button"
                  data-not-completed={each}
                  disabled={pending}
                  onClick={clicked(async () => {
                    const answer = await notCompleted.run((requestId) => ({
                      input: { ...base(requestId), reason: each, note: note.trim() || null },
                    }));
                    settle(answer, answer.data?.referralNotCompleted);
                  })}
                >
                  {t(`referral.notCompleted.${each}`)}
                </button>
              ),
            )}
          </div>
          <div class="actions">{cancel}</div>
        </fieldset>
      )}
    </div>
  );
}
