import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useClock, useConsole, useStaffEvent, useT } from '../../core/context.js';
import { countdown, languageName, timeOfDay } from '../../core/format.js';
import { useNow } from '../../core/now.js';
import { actError } from '../../graphql/errors.js';
import { graphql, type ResultOf } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import { clicked } from '../../ui/handlers.js';
import { byHold, type HoldGroup, type HoldState } from './hold-state.js';

const PlaceFields = graphql(`
  fragment PlaceFields on BedAssignment @_unmask {
    id
    holdId
    bedId
    residentId
    population
    shelterId
    originShelterId
    expiresAt
    startedAt
    endedAt
    endReason
    declineReason
  }
`);

const ShelterHolds = graphql(
  `
    query ShelterHolds($shelterId: ID!) {
      holdsAt(shelterId: $shelterId) {
        ...PlaceFields
      }
      transfersFrom(shelterId: $shelterId) {
        ...PlaceFields
      }
    }
  `,
  [PlaceFields],
);

const BedLabels = graphql(`
  query HoldBedLabels($shelterId: ID!) {
    bedBoard(shelterId: $shelterId) {
      id
      label
      roomName
    }
  }
`);

const ShelterName = graphql(`
  query HoldShelterName($id: ID!) {
    shelter(id: $id) {
      id
      name
    }
  }
`);

const Arriving = graphql(`
  query HoldResident($id: ID!) {
    resident(id: $id) {
      id
      name
      minor
      languages
    }
  }
`);

const ReceiveHold = graphql(`
  mutation ReceiveHold($input: CheckInInput!) {
    checkIn(input: $input) {
      id
    }
  }
`);

const CancelHold = graphql(`
  mutation CancelHold($input: CancelHoldInput!) {
    cancelHold(input: $input) {
      id
    }
  }
`);

const DeclineTransfer = graphql(`
  mutation DeclineTransfer($input: DeclineTransferInput!) {
    declineTransfer(input: $input) {
      id
    }
  }
`);

type Place = ResultOf<typeof PlaceFields>;
type DeclineReason = NonNullable<Place['declineReason']>;
const DECLINE_REASONS: DeclineReason[] = ['NO_ROOM', 'NOT_SUITABLE', 'DID_NOT_COME', 'OTHER'];

/**
 * A shelter's transfers and holds: those arriving here (with what the API says of the people),
 * received in two taps or declined; this shelter's own holds; and what it sent elsewhere, each
 * with its state and the time left. Refreshed on every board change and hold notice.
 */
export function Holds({ shelterId }: { shelterId: string }) {
  const t = useT();
  const now = useNow();
  const { session } = useConsole();
  // Releasing a hold is a coordinator's (the API refuses anyone else): others are not offered it.
  const coordinator =
    session.me.value?.memberships.find((each) => each.shelterId === shelterId)?.role ===
    'COORDINATOR';
  const [result, refetch] = useQuery({ query: ShelterHolds, variables: { shelterId } });
  const [labels] = useQuery({ query: BedLabels, variables: { shelterId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const mine = (payload: { shelterId: string }) => {
    if (payload.shelterId === shelterId) {
      refresh();
    }
  };
  useStaffEvent('board', mine);
  useStaffEvent('holdArrived', mine);
  useStaffEvent('shelter', mine);
  const data = result.data;
  if (!data) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  const beds = new Map((labels.data?.bedBoard ?? []).map((bed) => [bed.id, bed]));
  const held = byHold(data.holdsAt, now);
  const incoming = held.filter(
    (group) => group.places[0].originShelterId && group.places[0].originShelterId !== shelterId,
  );
  const own = held.filter((group) => !incoming.includes(group));
  const sent = byHold(data.transfersFrom, now);
  return (
    <section aria-labelledby="holds-title" class="holds">
      <h1 id="holds-title">{t('holds.title')}</h1>
      <h2 id="holds-incoming">{t('holds.incoming')}</h2>
      {incoming.length === 0 ? (
        <p class="hint">{t('holds.noIncoming')}</p>
      ) : (
        <ul class="hold-list" aria-labelledby="holds-incoming">
          {incoming.map((group) => (
            <li key={group.holdId} class="hold incoming" data-hold-id={group.holdId}>
              <HoldHead group={group} now={now} from={group.places[0].originShelterId!} />
              <People places={group.places} beds={beds} />
              <Receive shelterId={shelterId} group={group} onDone={refresh} />
            </li>
          ))}
        </ul>
      )}
      <h2 id="holds-own">{t('holds.own')}</h2>
      {own.length === 0 ? (
        <p class="hint">{t('holds.noOwn')}</p>
      ) : (
        <ul class="hold-list" aria-labelledby="holds-own">
          {own.map((group) => (
            <li key={group.holdId} class="hold own" data-hold-id={group.holdId}>
              <HoldHead group={group} now={now} />
              <People places={group.places} beds={beds} />
              {coordinator && <Release group={group} onDone={refresh} />}
            </li>
          ))}
        </ul>
      )}
      <h2 id="holds-outgoing">{t('holds.outgoing')}</h2>
      {sent.length === 0 ? (
        <p class="hint">{t('holds.noOutgoing')}</p>
      ) : (
        <ul class="hold-list" aria-labelledby="holds-outgoing">
          {sent.map((group) => (
            <li key={group.holdId} class="hold outgoing" data-hold-id={group.holdId}>
              <HoldHead group={group} now={now} to={group.places[0].shelterId} />
              {coordinator && <Release group={group} onDone={refresh} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function HoldHead({
  group,
  now,
  from,
  to,
}: {
  group: HoldGroup<Place>;
  now: number;
  from?: string;
  to?: string;
}) {
  const t = useT();
  const clock = useClock();
  const { locale } = clock;
  const groups = [...new Set(group.places.flatMap((place) => place.population ?? []))];
  return (
    <div class="hold-head">
      <p class={`hold-state state-${group.state}`}>
        <strong>{t(`holds.state.${group.state}` as `holds.state.${HoldState}`)}</strong>
        {' · '}
        {t('holds.places', { n: group.places.length })}
        {groups.length > 0 && ` · ${groups.map((each) => t(`group.${each}`)).join(', ')}`}
      </p>
      {from && (
        <p>
          {t('holds.from')} <NameOf shelterId={from} />
        </p>
      )}
      {to && (
        <p>
          {t('holds.to')} <NameOf shelterId={to} />
        </p>
      )}
      {group.state === 'declined' && group.places[0].declineReason && (
        <p class="decline-reason">{t(`holds.reason.${group.places[0].declineReason}`)}</p>
      )}
      {group.state === 'waiting' && group.expiresAt && (
        <p class="countdown">
          {t('holds.expires', {
            when: countdown(locale, group.expiresAt, now),
            time: timeOfDay(clock, group.expiresAt),
          })}
        </p>
      )}
    </div>
  );
}

function NameOf({ shelterId }: { shelterId: string }) {
  const t = useT();
  const { session } = useConsole();
  const known = session.me.value?.memberships.find((each) => each.shelterId === shelterId);
  const [result] = useQuery({ query: ShelterName, variables: { id: shelterId }, pause: !!known });
  return (
    <strong>{known?.shelterName ?? result.data?.shelter?.name ?? t('holds.otherShelter')}</strong>
  );
}

/** Who is coming, as the API lets this shelter read them (a hold of a count names nobody). */
function People({
  places,
  beds,
}: {
  places: Place[];
  beds: Map<string, { label: string; roomName: string }>;
}) {
  const t = useT();
  return (
    <ul class="people">
      {places.map((place) => {
        const bed = place.bedId ? beds.get(place.bedId) : undefined;
        return (
          <li key={place.id}>
            {place.residentId ? <Person id={place.residentId} /> : t('holds.unnamed')}
            {bed && ` · ${t('holds.bed', { bed: bed.label, room: bed.roomName })}`}
          </li>
        );
      })}
    </ul>
  );
}

function Person({ id }: { id: string }) {
  const t = useT();
  const { language } = useConsole();
  const [result] = useQuery({ query: Arriving, variables: { id } });
  const person = result.data?.resident;
  if (!person) {
    return <span>{t('holds.unnamed')}</span>;
  }
  const spoken = person.languages.map((code) => languageName(language.value.locale, code));
  return (
    <span class="person">
      <strong>{person.name ?? t('holds.unnamed')}</strong>
      {person.minor && ` · ${t('holds.minor')}`}
      {spoken.length > 0 && ` · ${t('holds.speaks', { languages: spoken.join(', ') })}`}
    </span>
  );
}

/**
 * Receiving an arriving hold in two taps: "they arrived", then "confirm" checks them in on the
 * hold's own places (checkIn with its holdId). Or declined, also confirmed. A hold of a count
 * (nobody registered) is received at the gate, where they are registered.
 */
function Receive({
  shelterId,
  group,
  onDone,
}: {
  shelterId: string;
  group: HoldGroup<Place>;
  onDone(): void;
}) {
  const t = useT();
  const receive = useAct(ReceiveHold, { queue: 'checkIn' });
  const decline = useAct(DeclineTransfer);
  const [step, setStep] = useState<'idle' | 'arrived' | 'decline' | 'queued'>('idle');
  const [reason, setReason] = useState<DeclineReason>();
  const residentIds = group.places.flatMap((place) => place.residentId ?? []);
  if (group.state !== 'waiting') {
    return null;
  }
  if (step === 'queued') {
    return (
      <p class="notice warning" role="status">
        {t('offline.queued')}
      </p>
    );
  }
  return (
    <div class="receive">
      <ErrorText error={receive.state.error ?? decline.state.error} />
      {step === 'idle' && (
        <div class="actions">
          {residentIds.length > 0 ? (
            <button type="button" class="primary arrived" onClick={() => setStep('arrived')}>
              {t('holds.arrived')}
            </button>
          ) : (
            <p class="hint">{t('holds.atTheGate')}</p>
          )}
          <button type="button" class="decline" onClick={() => setStep('decline')}>
            {t('holds.decline')}
          </button>
        </div>
      )}
      {step === 'arrived' && (
        <div class="confirm" role="group" aria-label={t('holds.arrived')}>
          <p>{t('holds.confirmArrival', { n: residentIds.length })}</p>
          <div class="actions">
            <button
              type="button"
              class="primary confirm-arrival"
              disabled={receive.state.pending}
              onClick={clicked(async () => {
                const answer = await receive.run((requestId) => ({
                  input: { shelterId, holdId: group.holdId, residentIds, requestId },
                }));
                if (answer.queued) {
                  setStep('queued');
                } else if (!answer.error) {
                  onDone();
                } else {
                  setStep('idle');
                  onDone();
                }
              })}
            >
              {receive.state.pending ? t('common.working') : t('holds.confirm')}
            </button>
            <button type="button" onClick={() => setStep('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {step === 'decline' && (
        <fieldset class="confirm decline-reasons">
          <legend>{t('holds.declineWhy')}</legend>
          {DECLINE_REASONS.map((each) => (
            <label key={each} class="choice">
              <input
                type="radio"
                name={`decline-${group.holdId}`}
                value={each}
                checked={reason === each}
                onChange={() => setReason(each)}
              />
              {t(`holds.reason.${each}`)}
            </label>
          ))}
          <div class="actions">
            <button
              type="button"
              class="confirm-decline"
              disabled={!reason || decline.state.pending}
              onClick={clicked(async () => {
                const answer = await decline.run((requestId) => ({
                  input: { holdId: group.holdId, requestId, reason },
                }));
                setStep('idle');
                if (!answer.error) {
                  onDone();
                }
              })}
            >
              {decline.state.pending ? t('common.working') : t('holds.declineConfirm')}
            </button>
            <button type="button" onClick={() => setStep('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}

/** A coordinator releases a hold this shelter placed (here or elsewhere): asked, then done. */
function Release({ group, onDone }: { group: HoldGroup<Place>; onDone(): void }) {
  const t = useT();
  const cancel = useAct(CancelHold);
  const [asking, setAsking] = useState(false);
  if (group.state !== 'waiting') {
    return null;
  }
  return (
    <div class="release">
      <ErrorText error={cancel.state.error} />
      {asking ? (
        <div class="confirm" role="group" aria-label={t('holds.release')}>
          <p>{t('holds.confirmRelease')}</p>
          <div class="actions">
            <button
              type="button"
              class="danger confirm-release"
              disabled={cancel.state.pending}
              onClick={clicked(async () => {
                const answer = await cancel.run((requestId) => ({
                  input: { holdId: group.holdId, requestId },
                }));
                setAsking(false);
                onDone();
                return answer;
              })}
            >
              {cancel.state.pending ? t('common.working') : t('holds.release')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="button" class="release-hold" onClick={() => setAsking(true)}>
            {t('holds.release')}
          </button>
        </div>
      )}
    </div>
  );
}
