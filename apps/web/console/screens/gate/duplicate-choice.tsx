import { useQuery } from '@urql/preact';
import { useAct } from '../../core/act.js';
import { useT } from '../../core/context.js';
import type { ActError } from '../../graphql/errors.js';
import { clicked } from '../../ui/handlers.js';
import { CheckInKnown, LikelyMatches, type LikelyMatch } from './gate-documents.js';
import { RefusalText } from './refusal-text.js';

export interface Duplicates {
  /** Members the API may already have on record, by index, with what they were registered as. */
  members: { index: number; name: string; birthYear: number | undefined }[];
}

/** A member found on record and checked in as that person (or queued, without a connection). */
export interface KnownCheckIn {
  /** The member's index in the form. */
  index: number;
  name: string;
  bedId: string | null;
  queued: boolean;
}

/**
 * The API's POSSIBLE_DUPLICATE, as a choice: each member's likely matches, each of them one tap
 * from "this is the person: check them in" (beds mode, registered here); or "register as new";
 * or back to the form.
 */
export function DuplicateChoice({
  shelterId,
  bedsMode,
  duplicates,
  bedFor,
  pending,
  onNew,
  onBack,
  onCheckedIn,
  onRefused,
}: {
  shelterId: string;
  bedsMode: boolean;
  duplicates: Duplicates;
  /** The bed chosen in the form for a member, if any. */
  bedFor(index: number): string | undefined;
  pending: boolean;
  onNew(): void;
  onBack(): void;
  onCheckedIn(known: KnownCheckIn): void;
  onRefused(error: ActError): void;
}) {
  const t = useT();
  return (
    <div class="duplicates notice warning" role="alert" aria-labelledby="duplicates-title">
      <h3 id="duplicates-title">{t('gate.duplicate.title')}</h3>
      <p>{t('gate.duplicate.intro')}</p>
      {duplicates.members.map((member) => (
        <MemberMatches
          key={member.index}
          shelterId={shelterId}
          bedsMode={bedsMode}
          bedId={bedFor(member.index)}
          onCheckedIn={(resident, bedId, queued) =>
            onCheckedIn({
              index: member.index,
              name: resident.name ?? member.name,
              bedId,
              queued,
            })
          }
          onRefused={onRefused}
          {...member}
        />
      ))}
      <div class="actions">
        <button type="button" class="primary register-new" disabled={pending} onClick={onNew}>
          {t('gate.duplicate.registerNew')}
        </button>
        <button type="button" onClick={onBack}>
          {t('gate.duplicate.back')}
        </button>
      </div>
    </div>
  );
}

type Resident = LikelyMatch['resident'];

/** Who the API says a member may be: names as it shows them to this caller, birth year, group. */
function MemberMatches({
  shelterId,
  bedsMode,
  bedId,
  name,
  birthYear,
  onCheckedIn,
  onRefused,
}: {
  shelterId: string;
  bedsMode: boolean;
  bedId: string | undefined;
  name: string;
  birthYear: number | undefined;
  onCheckedIn(resident: Resident, bedId: string | null, queued: boolean): void;
  onRefused(error: ActError): void;
}) {
  const t = useT();
  const [result] = useQuery({
    query: LikelyMatches,
    variables: { shelterId, name, birthYear: birthYear ?? null },
  });
  const matches = result.data?.likelyMatches ?? [];
  return (
    <div class="matches">
      <p>{t('gate.duplicate.for', { name })}</p>
      <ul>
        {matches.map(({ resident }) => (
          <li key={resident.id} class="match">
            <p>
              <strong>{resident.name ?? t('gate.nameHidden')}</strong>
              {resident.birthYear !== null && resident.birthYear !== undefined && (
                <> · {t('gate.duplicate.born', { year: String(resident.birthYear) })}</>
              )}{' '}
              · {t(`group.${resident.population}`)}
              {resident.currentShelterId !== shelterId && <> · {t('gate.duplicate.elsewhere')}</>}
            </p>
            {resident.currentShelterId !== shelterId ? (
              // checkIn takes only people registered here; the shelter they are registered at
              // moves them (a transfer: placeHold there, checkIn on that hold here).
              <p class="hint">{t('gate.known.elsewhere')}</p>
            ) : bedsMode ? (
              <KnownCheckInButton
                shelterId={shelterId}
                resident={resident}
                bedId={bedId}
                onCheckedIn={onCheckedIn}
                onRefused={onRefused}
              />
            ) : (
              // A counts-mode shelter takes walk-ins by its next report (checkIn needs a hold).
              <p class="hint">{t('gate.known.counts')}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "This is the person: check them in": one act (its own requestId, queued without a connection
 * like the gate's other check-in), on the bed chosen in the form or one the API picks.
 */
function KnownCheckInButton({
  shelterId,
  resident,
  bedId,
  onCheckedIn,
  onRefused,
}: {
  shelterId: string;
  resident: Resident;
  bedId: string | undefined;
  onCheckedIn(resident: Resident, bedId: string | null, queued: boolean): void;
  onRefused(error: ActError): void;
}) {
  const t = useT();
  const checkIn = useAct(CheckInKnown, { queue: 'checkIn' });
  const send = async () => {
    const answer = await checkIn.run((requestId) => ({
      input: {
        requestId,
        shelterId,
        residentIds: [resident.id],
        ...(bedId ? { bedIds: [bedId] } : {}),
      },
    }));
    if (answer.queued) {
      onCheckedIn(resident, null, true);
    } else if (answer.error) {
      onRefused(answer.error);
    } else if (answer.data) {
      onCheckedIn(resident, answer.data.checkIn[0]?.bedId ?? null, false);
    }
  };
  return (
    <>
      <button
        type="button"
        class="check-in-known"
        disabled={checkIn.state.pending}
        onClick={clicked(send)}
      >
        {checkIn.state.pending
          ? t('common.working')
          : t('gate.known.checkIn', { name: resident.name ?? t('gate.nameHidden') })}
      </button>
      {checkIn.state.error && <RefusalText error={checkIn.state.error} />}
    </>
  );
}
