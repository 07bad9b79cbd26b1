import type { BoardBed } from '@albergue/contracts';
import type { ConsoleKey } from '@albergue/i18n';
import { useId, useState } from 'preact/hooks';
import { type ActState, useAct } from '../../core/act.js';
import { useT } from '../../core/context.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { clicked, submitted } from '../../ui/handlers.js';
import { bedState } from './board-diff.js';
import { CheckOut, Move, SetOutOfService } from './board-documents.js';
import { type BoardConflict, conflictOf } from './board-rules.js';

/** How an act from the board ended: done, or refused because the board had moved on. */
export interface Settled {
  done?: ConsoleKey;
  conflict?: BoardConflict;
}

/**
 * The acts of one bed: check-out and move for the person in it; out of service and back for a
 * coordinator. Each through useAct (one requestId per intended act). A refusal because the board
 * moved on is handed up (explained there, and the board read again); any other is shown here.
 */
export function BedActions({
  bed,
  residentId,
  onActing,
  who,
  coordinator,
  freeBeds,
  onSettled,
}: {
  bed: BoardBed;
  /** Who held the bed when the panel opened: the person the acts name, fixed. */
  residentId: string | null;
  /** An act is in flight (its answer, not the board's next reading, closes the panel). */
  onActing(acting: boolean): void;
  who: string;
  coordinator: boolean;
  freeBeds: BoardBed[];
  onSettled(outcome: Settled): void;
}) {
  const t = useT();
  const checkOut = useAct(CheckOut, { queue: 'checkOut' });
  const move = useAct(Move);
  const service = useAct(SetOutOfService);
  const [confirming, setConfirming] = useState(false);
  const [target, setTarget] = useState(freeBeds[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const moveId = useId();
  const state = bedState(bed);
  const settle = async (act: Promise<ActState<unknown>>, done: ConsoleKey) => {
    onActing(true);
    try {
      const answer = await act;
      const conflict = conflictOf(answer.error);
      if (answer.queued) {
        onSettled({ done: 'offline.queued' });
      } else if (conflict) {
        onSettled({ conflict });
      } else if (!answer.error && !answer.pending) {
        onSettled({ done });
      }
    } finally {
      onActing(false);
    }
  };
  const error = [checkOut, move, service]
    .map((act) => act.state.error)
    .find((each) => each && !conflictOf(each));
  const chosen = freeBeds.some((each) => each.id === target) ? target : (freeBeds[0]?.id ?? '');
  return (
    <div class="bed-actions">
      {state === 'occupied' && residentId && (
        <>
          {confirming ? (
            <button
              type="button"
              class="primary"
              disabled={checkOut.state.pending}
              onClick={clicked(async () =>
                settle(
                  checkOut.run((requestId) => ({ input: { requestId, residentId } })),
                  'board.done.checkOut',
                ),
              )}
            >
              {t('board.checkOutConfirm', { who: who || '—', label: bed.label })}
            </button>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              {t('board.checkOut')}
            </button>
          )}
          <form
            class="bed-move"
            onSubmit={submitted(async () =>
              settle(
                move.run((requestId) => ({
                  input: { requestId, residentId, bedId: chosen },
                })),
                'board.done.move',
              ),
            )}
          >
            <h3>{t('board.move')}</h3>
            {freeBeds.length === 0 ? (
              <p class="hint">{t('board.noFreeBed')}</p>
            ) : (
              <>
                <label for={moveId}>{t('board.moveTo')}</label>
                <select
                  id={moveId}
                  name="bedId"
                  value={chosen}
                  onChange={(event) => setTarget(event.currentTarget.value)}
                >
                  {freeBeds.map((each) => (
                    <option key={each.id} value={each.id}>
                      {`${each.roomName} · ${t('board.bed', { label: each.label })}`}
                    </option>
                  ))}
                </select>
                <button type="submit" disabled={move.state.pending}>
                  {t('board.moveSubmit')}
                </button>
              </>
            )}
          </form>
        </>
      )}
      {coordinator && state === 'free' && (
        <form
          class="bed-service"
          onSubmit={submitted(async () =>
            settle(
              service.run((requestId) => ({
                input: { requestId, bedId: bed.id, reason: reason.trim() },
              })),
              'board.done.outOfService',
            ),
          )}
        >
          <Field
            label={t('board.reasonLabel')}
            name="reason"
            required
            maxLength={200}
            value={reason}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
          <button type="submit" disabled={service.state.pending || reason.trim() === ''}>
            {t('board.outOfService')}
          </button>
        </form>
      )}
      {coordinator && state === 'outOfService' && (
        <button
          type="button"
          disabled={service.state.pending}
          onClick={clicked(async () =>
            settle(
              service.run((requestId) => ({
                input: { requestId, bedId: bed.id, reason: null },
              })),
              'board.done.backInService',
            ),
          )}
        >
          {t('board.backInService')}
        </button>
      )}
      <ErrorText error={error} />
    </div>
  );
}
