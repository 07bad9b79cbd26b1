import type { BoardBed } from '@albergue/contracts';
import type { ConsoleKey } from '@albergue/i18n';
import { useQuery } from '@urql/preact';
import { Component, type ComponentChild } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useClock, useConsole, useStaffEvent, useT } from '../../core/context.js';
import { timeOfDay } from '../../core/format.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { BedActions, type Settled } from './bed-actions.js';
import { bedState, diffBoard, initials, roomsOf } from './board-diff.js';
import { canAct, changedHands, type Opened } from './board-rules.js';
import { BoardNamesQuery, BoardQuery } from './board-documents.js';

/**
 * A shelter's rooms and beds, live: each bed's state written out, who holds it (initials, as the
 * role may read the name), and the acts of the board. The `/staff` `board` event carries the
 * whole board: it is applied bed by bed (board-diff), so that only the rows that changed repaint;
 * after a reconnection the board is read again, since events may have been missed meanwhile.
 */
export function BedBoard({ shelterId }: { shelterId: string }) {
  const t = useT();
  const { client, live, session } = useConsole();
  const role = session.me.value?.memberships.find((each) => each.shelterId === shelterId)?.role;
  // Never a cached board: one left a while ago would show beds as they were.
  const [result, refetch] = useQuery({
    query: BoardQuery,
    variables: { shelterId },
    requestPolicy: 'network-only',
  });
  const [beds, setBeds] = useState<BoardBed[] | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  // The acts name who held the bed when it was opened, never whoever holds it by the time the
  // button is pressed.
  const [selected, setSelected] = useState<Opened>();
  const [acting, setActing] = useState(false);
  const [notice, setNotice] = useState<Settled>();
  const version = useRef(-1);
  const asked = useRef(new Set<string>());
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const take = (read: readonly BoardBed[], at: number) => {
    if (at < version.current) {
      return;
    }
    version.current = at;
    setBeds((previous) => diffBoard(previous, read).beds);
  };

  useEffect(() => {
    if (result.data) {
      take(result.data.bedBoard, result.data.shelter?.availabilityVersion ?? 0);
    }
  }, [result.data]);
  useStaffEvent('board', (update) => {
    if (update.shelterId === shelterId) {
      take(update.beds, update.version);
    }
  });
  // A reconnection (not the socket's first connection): events may have been missed, read again.
  const connections = live.value?.connections.value ?? 0;
  const seen = useRef(connections);
  useEffect(() => {
    if (connections !== seen.current) {
      seen.current = connections;
      if (connections > 1) {
        refresh();
      }
    }
  }, [connections]);
  // Names of the people on the board, once each, and only theirs: one `residentsOf` read with the
  // ids in the beds (the API decides what the role reads, and audits each person read). Not the
  // shelter's whole list: that would read everyone registered there, people who left included,
  // to show a few initials, and miss holders beyond its first page. Nor one read per person: a
  // 200-bed board on a phone would make 200 requests. The /staff event carries ids only, so
  // people checked in later are asked for the same way, a few at a time.
  useEffect(() => {
    const unknown = (beds ?? []).flatMap((bed) => {
      const id = bed.use?.residentId;
      return id && !names.has(id) && !asked.current.has(id) ? [id] : [];
    });
    if (unknown.length === 0) {
      return;
    }
    unknown.forEach((id) => asked.current.add(id));
    void client
      .query(
        BoardNamesQuery,
        { shelterId, ids: unknown, first: unknown.length },
        { requestPolicy: 'network-only' },
      )
      .toPromise()
      .then((answer) => {
        if (answer.data) {
          const people = answer.data.residentsOf;
          setNames((previous) => {
            const next = new Map(previous);
            for (const person of people) {
              next.set(person.id, initials(person.name));
            }
            return next;
          });
        } else if (actError(answer.error)?.code === 'NETWORK') {
          // No answer: asked again with the next change; a refusal (not the role's) stays.
          unknown.forEach((id) => asked.current.delete(id));
        }
      });
  }, [beds]);

  const toggle = useCallback((bed: BoardBed) => {
    // The last act's outcome stays until the next bed is opened.
    setNotice(undefined);
    setSelected((open) =>
      open?.bedId === bed.id
        ? undefined
        : { bedId: bed.id, useId: bed.use?.id ?? null, residentId: bed.use?.residentId ?? null },
    );
  }, []);
  // The bed changed hands under the open panel (someone else checked its person out, moved them,
  // put another in it…): the panel closes and says so, rather than act on whoever is there now.
  // An act of the panel's own in flight settles itself (its answer says done or gone).
  const changed = changedHands(selected, beds);
  useEffect(() => {
    if (changed && !acting) {
      setSelected(undefined);
      setNotice({ conflict: 'board.conflict' });
    }
  }, [changed, acting]);
  const settled = useCallback(
    (outcome: Settled) => {
      setSelected(undefined);
      setNotice(outcome);
      if (outcome.conflict) {
        // Someone acted a second ago: show the board as it is now.
        refresh();
      }
    },
    [refresh],
  );

  const shelter = result.data?.shelter;
  if (!shelter || !beds) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  if (shelter.trackingMode !== 'BEDS') {
    return (
      <section aria-labelledby="board-title">
        <h1 id="board-title">{t('board.title')}</h1>
        <p class="notice board-counts">{t('board.countsMode')}</p>
      </section>
    );
  }
  const count = (state: ReturnType<typeof bedState>) =>
    beds.filter((bed) => bedState(bed) === state).length;
  const free = beds.filter((bed) => bedState(bed) === 'free');
  return (
    <section class="board" aria-labelledby="board-title">
      <h1 id="board-title">{t('board.title')}</h1>
      <p class="hint">{shelter.name}</p>
      {/* Not a live region: it would speak the whole summary again at every /staff event. The
          outcomes of one's own acts are announced (Notice); the rest is read when looked at. */}
      <p class="board-summary">
        {t('board.summary', {
          free: count('free'),
          occupied: count('occupied'),
          held: count('held'),
          out: count('outOfService'),
        })}
      </p>
      {notice && <Notice outcome={notice} />}
      {beds.length === 0 && <p>{t('board.empty')}</p>}
      {roomsOf(beds).map((room, index) => (
        <section key={room.name} class="room" aria-labelledby={`room-${index}`}>
          <h2 id={`room-${index}`}>{t('board.room', { name: room.name })}</h2>
          <ul class="beds">
            {room.beds.map((bed) => {
              const who = bed.use?.residentId ? (names.get(bed.use.residentId) ?? '') : '';
              const open = selected?.bedId === bed.id && canAct(role, bed) && (!changed || acting);
              return (
                <BedRow
                  key={bed.id}
                  bed={bed}
                  who={who}
                  actions={canAct(role, bed)}
                  open={open}
                  onToggle={toggle}
                  panel={
                    open ? (
                      <BedActions
                        key={`${selected.bedId}:${selected.useId}`}
                        bed={bed}
                        residentId={selected.residentId}
                        onActing={setActing}
                        who={names.get(selected.residentId ?? '') ?? ''}
                        coordinator={role === 'COORDINATOR'}
                        freeBeds={free.filter((each) => each.id !== bed.id)}
                        onSettled={settled}
                      />
                    ) : null
                  }
                />
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}

function Notice({ outcome }: { outcome: Settled }) {
  const t = useT();
  if (outcome.conflict) {
    return (
      <p class="notice warning" role="alert">
        {t(outcome.conflict)}
      </p>
    );
  }
  return (
    <p class="notice success" role="status">
      {t(outcome.done!)}
    </p>
  );
}

interface RowProps {
  bed: BoardBed;
  who: string;
  actions: boolean;
  open: boolean;
  onToggle(bed: BoardBed): void;
  panel: ComponentChild;
}

/** A row repaints only when its own props changed (the diff keeps unchanged beds as they were). */
class BedRow extends Component<RowProps> {
  shouldComponentUpdate(next: RowProps): boolean {
    const now = this.props;
    return (
      now.bed !== next.bed ||
      now.who !== next.who ||
      now.actions !== next.actions ||
      now.open !== next.open ||
      now.onToggle !== next.onToggle ||
      now.panel !== next.panel
    );
  }

  render(props: RowProps) {
    return <BedLine {...props} />;
  }
}

function BedLine({ bed, who, actions, open, onToggle, panel }: RowProps) {
  const t = useT();
  const clock = useClock();
  const state = bedState(bed);
  const details: string[] = [];
  if (bed.use && who) {
    details.push(t('board.holder', { who }));
  }
  if (state === 'held' && bed.use?.expiresAt) {
    details.push(t('board.heldUntil', { time: timeOfDay(clock, bed.use.expiresAt) }));
  }
  if (state === 'held' && bed.use?.originShelterId) {
    details.push(t('board.transferIn'));
  }
  if (bed.outOfServiceReason !== null) {
    details.push(t('board.reason', { reason: bed.outOfServiceReason }));
  }
  if (bed.accessible) {
    details.push(t('board.accessible'));
  }
  const label = t('board.bed', { label: bed.label });
  const panelId = `bed-panel-${bed.id}`;
  return (
    <li class={`bed bed-${state}`} data-bed={bed.id} data-state={state}>
      <div class="bed-line">
        <span class="bed-label">{label}</span>
        <span class="bed-state">{t(`board.state.${state}` as ConsoleKey)}</span>
        {details.length > 0 && <span class="bed-detail">{details.join(' · ')}</span>}
        {actions && (
          <button
            type="button"
            class="bed-toggle"
            aria-expanded={open}
            aria-controls={open ? panelId : undefined}
            onClick={() => onToggle(bed)}
          >
            {t('board.actions', { label: bed.label })}
          </button>
        )}
      </div>
      {open && (
        <div id={panelId} class="bed-panel">
          {panel}
        </div>
      )}
    </li>
  );
}
