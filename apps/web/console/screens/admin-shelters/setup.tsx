import { ApiErrorCode, POPULATIONS, type PopulationName } from '@albergue/contracts';
import { useQuery } from '@urql/preact';
import { useId, useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import { type ActError, actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { submitted } from '../../ui/handlers.js';
import { Confirmed } from '../residents/confirm.js';
import { Check } from './checkbox.js';
import {
  AddBeds,
  type BedsModePreviewRead,
  CreateRoom,
  SetBedOutOfService,
  type SetupRead,
  SetupQuery,
  SwitchToBedsMode,
} from './documents.js';
import { missingNotes, refusalKey } from './preview-notes.js';

const KINDS = ['BED', 'BUNK', 'MAT', 'CRIB'] as const;
type Room = SetupRead['rooms'][number];
type Bed = Room['beds'][number];

/**
 * A shelter's rooms and beds, set up by its coordinator or an admin: rooms, beds added to them in
 * bulk, beds out of service; then what a switch to beds mode would publish, what is missing for
 * it, and the switch itself behind a confirmation.
 */
export function ShelterSetup({ shelterId, admin = false }: { shelterId: string; admin?: boolean }) {
  const t = useT();
  const { router } = useConsole();
  const [result, refetch] = useQuery({
    query: SetupQuery,
    variables: { shelterId },
    requestPolicy: 'network-only',
  });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const read = result.data;
  if (!read?.shelter) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  const shelter = read.shelter;
  const groups: readonly PopulationName[] =
    shelter.populations.length > 0 ? shelter.populations : POPULATIONS;
  return (
    <section class="admin-setup shelter-setup" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.rooms.title', { name: shelter.name })}</h1>
      {admin && (
        <p class="links">
          <a href={router.href('/admin/shelters')}>{t('setup.shelters.back')}</a>
          <a href={router.href(`/admin/shelters/${shelterId}/edit`)}>{t('setup.shelters.edit')}</a>
        </p>
      )}
      <p class="hint">{t('setup.intro')}</p>
      <h2>{t('setup.rooms')}</h2>
      {read.rooms.length === 0 ? (
        <p class="hint">{t('setup.noRooms')}</p>
      ) : (
        read.rooms.map((room) => (
          <RoomBeds key={room.id} room={room} groups={groups} onChanged={refresh} />
        ))
      )}
      <NewRoom shelterId={shelterId} onCreated={refresh} />
      <BedsModeSwitch shelterId={shelterId} preview={read.bedsModePreview} onChanged={refresh} />
    </section>
  );
}

function RoomBeds({
  room,
  groups,
  onChanged,
}: {
  room: Room;
  groups: readonly PopulationName[];
  onChanged(): void;
}) {
  const t = useT();
  const titleId = useId();
  return (
    <article class="room" aria-labelledby={titleId} data-room={room.name}>
      <h3 id={titleId}>{room.name}</h3>
      <p class="hint">{t('setup.bedCount', { n: room.beds.length })}</p>
      {room.beds.length > 0 && (
        <table>
          <caption class="sr-only">{t('setup.bedsOf', { room: room.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('setup.bed.label')}</th>
              <th scope="col">{t('setup.bed.what')}</th>
              <th scope="col">{t('setup.bed.state')}</th>
            </tr>
          </thead>
          <tbody>
            {room.beds.map((bed) => (
              <BedRow key={bed.id} bed={bed} onChanged={onChanged} />
            ))}
          </tbody>
        </table>
      )}
      <AddBedsForm room={room} groups={groups} onAdded={onChanged} />
    </article>
  );
}

function BedRow({ bed, onChanged }: { bed: Bed; onChanged(): void }) {
  const t = useT();
  const act = useAct(SetBedOutOfService);
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const out = bed.outOfServiceReason !== null;
  const send = async (value: string | null) => {
    const answer = await act.run((requestId) => ({
      input: { requestId, bedId: bed.id, reason: value },
    }));
    if (answer.data) {
      setOpen(false);
      setReason('');
    }
    // A refusal (the bed moved meanwhile) too: the list shows the beds as they are now.
    onChanged();
  };
  return (
    <tr data-bed={bed.label}>
      <th scope="row">{bed.label}</th>
      <td>
        {[
          t(`setup.kind.${bed.kind}`),
          t(`group.${bed.population}`),
          bed.accessible ? t('setup.bed.accessible') : null,
          bed.overflow ? t('setup.bed.overflow') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </td>
      <td>
        <p>
          {out
            ? t('setup.bed.outOfService', { reason: bed.outOfServiceReason ?? '' })
            : t('setup.bed.inService')}
        </p>
        {out ? (
          <button type="button" disabled={act.state.pending} onClick={() => void send(null)}>
            {t('setup.bed.backInService')}
            <span class="sr-only">: {bed.label}</span>
          </button>
        ) : open ? (
          <form
            class="inline-form"
            onSubmit={submitted(() => send(reason.trim() === '' ? null : reason.trim()))}
          >
            <Field
              label={t('setup.bed.reason', { bed: bed.label })}
              name="reason"
              required
              value={reason}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
            <div class="actions">
              <button type="submit" class="danger" disabled={act.state.pending}>
                {t('setup.bed.takeOut')}
              </button>
              <button type="button" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" onClick={() => setOpen(true)}>
            {t('setup.bed.takeOut')}
            <span class="sr-only">: {bed.label}</span>
          </button>
        )}
        <ErrorText error={act.state.error} />
      </td>
    </tr>
  );
}

function AddBedsForm({
  room,
  groups,
  onAdded,
}: {
  room: Room;
  groups: readonly PopulationName[];
  onAdded(): void;
}) {
  const t = useT();
  const id = useId();
  const act = useAct(AddBeds);
  const [count, setCount] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('BED');
  const [population, setPopulation] = useState<PopulationName>(groups[0]);
  const [accessible, setAccessible] = useState(false);
  const [overflow, setOverflow] = useState(false);
  const [added, setAdded] = useState<number>();
  return (
    <form
      class="admin-form add-beds"
      aria-label={t('setup.addBeds.title', { room: room.name })}
      onSubmit={submitted(async () => {
        setAdded(undefined);
        const answer = await act.run((requestId) => ({
          input: {
            requestId,
            roomId: room.id,
            count: Number(count.trim() === '' ? Number.NaN : count),
            kind,
            population,
            accessible,
            overflow,
          },
        }));
        if (answer.data) {
          setAdded(answer.data.addBeds.length);
          setCount('');
          onAdded();
        }
      })}
    >
      <h4>{t('setup.addBeds.title', { room: room.name })}</h4>
      <Field
        label={t('setup.addBeds.count')}
        name="count"
        inputMode="numeric"
        required
        value={count}
        onInput={(event) => setCount(event.currentTarget.value)}
      />
      <div class="field">
        <label for={`${id}-kind`}>{t('setup.addBeds.kind')}</label>
        <select
          id={`${id}-kind`}
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as typeof kind)}
        >
          {KINDS.map((each) => (
            <option key={each} value={each}>
              {t(`setup.kind.${each}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-population`}>{t('setup.addBeds.population')}</label>
        <select
          id={`${id}-population`}
          name="population"
          value={population}
          onChange={(event) => setPopulation(event.currentTarget.value as PopulationName)}
        >
          {groups.map((each) => (
            <option key={each} value={each}>
              {t(`group.${each}`)}
            </option>
          ))}
        </select>
      </div>
      <Check
        label={t('setup.addBeds.accessible')}
        name="accessible"
        checked={accessible}
        onChange={setAccessible}
      />
      <Check
        label={t('setup.addBeds.overflow')}
        name="overflow"
        checked={overflow}
        onChange={setOverflow}
      />
      <ErrorText error={act.state.error} />
      {added !== undefined && (
        <p class="notice success" role="status">
          {t('setup.addBeds.added', { n: added, room: room.name })}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={act.state.pending}>
          {act.state.pending ? t('common.working') : t('setup.addBeds.submit')}
        </button>
      </div>
    </form>
  );
}

/** A room name the shelter has already (the database's unique name per shelter). */
function taken(error: ActError | undefined): boolean {
  return error?.code === ApiErrorCode.CONFLICT && error.reason !== 'REQUEST_ID_REUSED';
}

function NewRoom({ shelterId, onCreated }: { shelterId: string; onCreated(): void }) {
  const t = useT();
  const act = useAct(CreateRoom);
  const [name, setName] = useState('');
  return (
    <form
      class="admin-form new-room"
      aria-labelledby="new-room-title"
      onSubmit={submitted(async () => {
        const answer = await act.run((requestId) => ({
          input: { requestId, shelterId, name: name.trim() },
        }));
        if (answer.data) {
          setName('');
        }
        // Made, or refused because a room of that name is there already (someone made it a
        // moment ago, or it was missed): either way the list shows the rooms as they are now.
        if (answer.data || taken(answer.error)) {
          onCreated();
        }
      })}
    >
      <h3 id="new-room-title">{t('setup.room.new')}</h3>
      <Field
        label={t('setup.room.name')}
        name="roomName"
        required
        value={name}
        hint={t('setup.room.hint')}
        onInput={(event) => setName(event.currentTarget.value)}
      />
      {taken(act.state.error) ? (
        <p class="notice error" role="alert">
          {t('setup.room.taken')}
        </p>
      ) : (
        <ErrorText error={act.state.error} />
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={act.state.pending}>
          {act.state.pending ? t('common.working') : t('setup.room.create')}
        </button>
      </div>
    </form>
  );
}

/** What the public would see per group in beds mode, what is missing, and the switch. */
function BedsModeSwitch({
  shelterId,
  preview,
  onChanged,
}: {
  shelterId: string;
  preview: BedsModePreviewRead;
  onChanged(): void;
}) {
  const t = useT();
  const act = useAct(SwitchToBedsMode);
  const [switched, setSwitched] = useState(false);
  const error = act.state.error;
  const refusal = refusalKey(error?.reason);
  const notes = missingNotes(preview);
  return (
    <section class="beds-mode" aria-labelledby="beds-mode-title">
      <h2 id="beds-mode-title">{t('setup.preview.title')}</h2>
      {preview.bedsMode ? (
        <p class="notice success" role="status">
          {switched ? t('setup.preview.switched') : t('setup.preview.already')}
        </p>
      ) : (
        <>
          <p class="hint">{t('setup.preview.intro')}</p>
          {preview.figures.length === 0 ? (
            <p>{t('setup.preview.noBeds')}</p>
          ) : (
            <table class="preview-figures">
              <caption>{t('setup.preview.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('setup.preview.group')}</th>
                  <th scope="col">{t('setup.preview.beds')}</th>
                  <th scope="col">{t('setup.preview.free')}</th>
                  <th scope="col">{t('setup.preview.overflow')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.figures.map((figures) => (
                  <tr key={figures.population} data-population={figures.population}>
                    <th scope="row">{t(`group.${figures.population}`)}</th>
                    <td>{figures.totalBeds}</td>
                    <td>{figures.freeBeds}</td>
                    <td>
                      {figures.overflowTotal > 0
                        ? t('setup.preview.overflowOf', {
                            free: figures.overflowFree,
                            total: figures.overflowTotal,
                          })
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {notes.length > 0 && (
            <div class="notice warning missing" role="status">
              <p>{t('setup.preview.notYet')}</p>
              <ul>
                {notes.map((note) => (
                  <li key={`${note.key}-${note.population ?? ''}`}>
                    {t(note.key, {
                      n: note.n ?? 0,
                      group: note.population ? t(`group.${note.population}`) : '',
                    })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {error &&
            (refusal ? (
              <p class="notice error" role="alert">
                {t(refusal)}
              </p>
            ) : (
              <ErrorText error={error} />
            ))}
          {preview.ready && (
            <Confirmed
              label={t('setup.preview.switch')}
              explanation={t('setup.preview.confirm')}
              yes={t('setup.preview.yes')}
              pending={act.state.pending}
              onYes={() =>
                void act
                  .run((requestId) => ({ input: { requestId, shelterId } }))
                  .then((answer) => {
                    setSwitched(!!answer.data);
                    onChanged();
                  })
              }
            />
          )}
        </>
      )}
    </section>
  );
}
