import { ApiErrorCode } from '@albergue/contracts';
import { useQuery } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import type { ActError } from '../../graphql/errors.js';
import { clicked, submitted } from '../../ui/handlers.js';
import { DuplicateChoice, type Duplicates, type KnownCheckIn } from './duplicate-choice.js';
import {
  GateBeds,
  type Population,
  RegisterAndCheckIn,
  RegisterHousehold,
} from './gate-documents.js';
import {
  type HouseholdDraft,
  householdInput,
  type MemberDraft,
  newHousehold,
  newMember,
  problemsOf,
} from './household.js';
import { localDay } from '../../core/format.js';
import { LegalBasisFields } from './legal-basis-fields.js';
import { MemberFields } from './member-fields.js';
import { bedName } from './names.js';
import { NationalitySelect } from './nationality-select.js';
import { bedsMoved, RefusalText } from './refusal-text.js';

interface Placed {
  names: string[];
  beds: string[];
  checkedIn: boolean;
  /** Made without a connection: waiting in the offline queue (core/offline), not placed yet. */
  queued?: boolean;
}

/**
 * Register and check in a person or a household, as one act (`registerAndCheckIn`): in beds mode
 * on suitable beds or chosen ones; a counts-mode shelter registers them (its next report counts
 * them). A possible duplicate comes back as a choice: a likely match checked in as that person
 * (no second record), or "register as new".
 */
export function RegisterForm({
  shelterId,
  bedsMode,
  populations,
}: {
  shelterId: string;
  bedsMode: boolean;
  populations: readonly Population[];
}) {
  const t = useT();
  const { language, timeZone } = useConsole();
  const today = localDay(timeZone, new Date());
  const year = Number(today.slice(0, 4));
  const checkIn = useAct(RegisterAndCheckIn, { queue: 'checkIn' });
  const register = useAct(RegisterHousehold);
  const nextKey = useRef(1);
  const [draft, setDraft] = useState<HouseholdDraft>(() => ({
    ...newHousehold(today),
    population: populations.length === 1 ? populations[0] : '',
    explainedIn: language.value.code,
  }));
  const [showProblems, setShowProblems] = useState(false);
  const [duplicates, setDuplicates] = useState<Duplicates>();
  const [placed, setPlaced] = useState<Placed>();
  const [refused, setRefused] = useState<ActError>();
  const [bedsResult, refetchBeds] = useQuery({
    query: GateBeds,
    variables: { shelterId },
    pause: !bedsMode,
    requestPolicy: 'cache-and-network',
  });
  const freeBeds = (bedsResult.data?.bedBoard ?? []).filter(
    (bed) => !bed.use && !bed.outOfServiceReason,
  );
  const problems = problemsOf(draft, year, bedsMode);
  const pending = checkIn.state.pending || register.state.pending;

  // From the draft as it is when the change lands: an answer may arrive after more typing.
  const update = (change: Partial<HouseholdDraft>) =>
    setDraft((current) => ({ ...current, ...change }));
  const updateMember = (index: number, change: Partial<MemberDraft>) =>
    setDraft((current) => ({
      ...current,
      members: current.members.map((member, i) =>
        i === index ? { ...member, ...change } : member,
      ),
    }));

  const send = async (confirmNew: boolean) => {
    setPlaced(undefined);
    setRefused(undefined);
    if (problems.length > 0) {
      setShowProblems(true);
      return;
    }
    const names = draft.members.map((member) => member.name.trim());
    const options = { shelterId, year, bedsMode, confirmNew };
    let error: ActError | undefined;
    let placedNow: Placed | undefined;
    if (bedsMode) {
      const answer = await checkIn.run((requestId) => ({
        input: householdInput(draft, { ...options, requestId }),
      }));
      error = answer.error;
      if (answer.queued) {
        placedNow = { names, beds: [], checkedIn: false, queued: true };
      } else if (!error && answer.data) {
        const board = new Map(
          (bedsResult.data?.bedBoard ?? []).map((bed) => [bed.id, bedName(bed)]),
        );
        placedNow = {
          names,
          beds: answer.data.registerAndCheckIn
            .map((stay) => (stay.bedId ? (board.get(stay.bedId) ?? '') : ''))
            .filter(Boolean),
          checkedIn: true,
        };
      }
    } else {
      const answer = await register.run((requestId) => {
        const { bedIds: _none, ...input } = householdInput(draft, { ...options, requestId });
        return { input };
      });
      error = answer.error;
      if (!error && answer.data) {
        placedNow = { names, beds: [], checkedIn: false };
      }
    }
    if (placedNow) {
      if (bedsMode) {
        // The beds just taken leave the next household's choice.
        refetchBeds({ requestPolicy: 'network-only' });
      }
      setPlaced(placedNow);
      setDuplicates(undefined);
      setShowProblems(false);
      setDraft({
        ...newHousehold(today),
        population: draft.population,
        nationality: '',
        explainedIn: draft.explainedIn,
      });
      return;
    }
    if (!error) {
      return;
    }
    if (error.code === ApiErrorCode.CONFLICT && error.reason === 'POSSIBLE_DUPLICATE') {
      const flagged = (error.details as { matches?: { member: number }[] } | undefined)?.matches;
      setDuplicates({
        members: (flagged ?? []).map(({ member }) => ({
          index: member,
          name: draft.members[member]?.name.trim() ?? '',
          birthYear: Number(draft.members[member]?.birthYear) || undefined,
        })),
      });
      return;
    }
    setRefused(error);
    if (bedsMoved(error)) {
      // Someone took a bed meanwhile: the choice is shown again from the board as it is now.
      update({ bedIds: [] });
      refetchBeds({ requestPolicy: 'network-only' });
    }
  };

  /**
   * A member was someone on record, checked in as that person: they leave the form (the others,
   * if any, are still to register, without them) and the matches for them go.
   */
  const checkedIn = (known: KnownCheckIn) => {
    const board = new Map((bedsResult.data?.bedBoard ?? []).map((bed) => [bed.id, bedName(bed)]));
    const bed = known.bedId ? board.get(known.bedId) : undefined;
    setRefused(undefined);
    setPlaced({
      names: [known.name],
      beds: bed ? [bed] : [],
      checkedIn: !known.queued,
      queued: known.queued,
    });
    refetchBeds({ requestPolicy: 'network-only' });
    const gone = draft.members[known.index];
    const rest = draft.members.filter((_, i) => i !== known.index);
    if (!gone || rest.length === 0) {
      setDuplicates(undefined);
      setShowProblems(false);
      setDraft({
        ...newHousehold(today),
        population: draft.population,
        nationality: '',
        explainedIn: draft.explainedIn,
      });
      return;
    }
    const left = (duplicates?.members ?? [])
      .filter((member) => member.index !== known.index)
      .map((member) => ({
        ...member,
        index: member.index > known.index ? member.index - 1 : member.index,
      }));
    setDuplicates(left.length > 0 ? { members: left } : undefined);
    setDraft((current) => ({
      ...current,
      members: current.members
        .filter((member) => member.key !== gone.key)
        .map((other) => (other.guardianKey === gone.key ? { ...other, guardianKey: null } : other)),
      bedIds: current.bedIds.filter((_, i) => i !== known.index),
    }));
  };

  return (
    <form class="register" aria-labelledby="register-title" onSubmit={submitted(() => send(false))}>
      <h2 id="register-title">{t('gate.register.title')}</h2>
      <p class="hint">{t(bedsMode ? 'gate.register.introBeds' : 'gate.register.introCounts')}</p>
      {placed && (
        <div class="notice success placed" role="status">
          <p>
            {placed.queued
              ? t('offline.queued')
              : t(placed.checkedIn ? 'gate.placed' : 'gate.registered', {
                  n: placed.names.length,
                })}
          </p>
          <ul>
            {placed.names.map((name, index) => (
              <li key={index}>{name}</li>
            ))}
          </ul>
          {placed.beds.length > 0 && (
            <p>{t('gate.placedBeds', { beds: placed.beds.join(', ') })}</p>
          )}
          {!placed.checkedIn && !placed.queued && <p>{t('gate.countsReminder')}</p>}
        </div>
      )}

      <div class="field">
        <label for="gate-population">{t('gate.population')}</label>
        <select
          id="gate-population"
          name="population"
          value={draft.population}
          onChange={(event) => update({ population: event.currentTarget.value as Population })}
        >
          <option value="">{t('gate.choose')}</option>
          {populations.map((group) => (
            <option key={group} value={group}>
              {t(`group.${group}`)}
            </option>
          ))}
        </select>
      </div>
      <NationalitySelect
        id="gate-nationality"
        name="nationality"
        label={t('gate.nationality')}
        emptyLabel={t('gate.choose')}
        value={draft.nationality}
        onChange={(nationality) => update({ nationality })}
      />

      {draft.members.map((member, index) => (
        <MemberFields
          key={member.key}
          member={member}
          index={index}
          draft={draft}
          year={year}
          problems={showProblems ? problems.filter((problem) => problem.member === index) : []}
          onChange={(change) => updateMember(index, change)}
          onRemove={
            draft.members.length > 1
              ? () =>
                  update({
                    members: draft.members
                      .filter((_, i) => i !== index)
                      .map((other) =>
                        other.guardianKey === member.key ? { ...other, guardianKey: null } : other,
                      ),
                    bedIds: [],
                  })
              : undefined
          }
        />
      ))}
      <div class="actions">
        <button
          type="button"
          class="add-member"
          onClick={() =>
            update({
              members: [
                ...draft.members,
                { ...newMember(nextKey.current++, draft.members[0]?.languages), notifiedOn: today },
              ],
            })
          }
        >
          {t('gate.addMember')}
        </button>
      </div>

      <LegalBasisFields draft={draft} onChange={update} />

      {bedsMode && (
        <fieldset class="beds-choice">
          <legend>{t('gate.beds.title')}</legend>
          <label class="choice">
            <input
              type="radio"
              name="beds"
              value="any"
              checked={draft.beds === 'any'}
              onChange={() => update({ beds: 'any', bedIds: [] })}
            />
            <span>{t('gate.beds.any')}</span>
          </label>
          <label class="choice">
            <input
              type="radio"
              name="beds"
              value="chosen"
              checked={draft.beds === 'chosen'}
              onChange={() => update({ beds: 'chosen' })}
            />
            <span>{t('gate.beds.chosen')}</span>
          </label>
          {draft.beds === 'chosen' &&
            draft.members.map((member, index) => (
              <div class="field" key={member.key}>
                <label for={`gate-bed-${member.key}`}>
                  {t('gate.beds.for', {
                    name: member.name.trim() || t('gate.person', { n: index + 1 }),
                  })}
                </label>
                <select
                  id={`gate-bed-${member.key}`}
                  name={`bed-${index}`}
                  value={draft.bedIds[index] ?? ''}
                  onChange={(event) => {
                    const bedIds = draft.members.map((_, i) => draft.bedIds[i] ?? '');
                    bedIds[index] = event.currentTarget.value;
                    update({ bedIds });
                  }}
                >
                  <option value="">{t('gate.choose')}</option>
                  {freeBeds
                    .filter(
                      (bed) =>
                        bed.id === draft.bedIds[index] ||
                        !draft.bedIds.some((chosen) => chosen === bed.id),
                    )
                    .map((bed) => (
                      <option key={bed.id} value={bed.id}>
                        {bedName(bed)} · {t(`group.${bed.population}`)}
                      </option>
                    ))}
                </select>
              </div>
            ))}
          {draft.beds === 'chosen' && bedsResult.data && freeBeds.length === 0 && (
            <p class="notice warning">{t('gate.beds.none')}</p>
          )}
        </fieldset>
      )}

      {showProblems && problems.some((problem) => problem.member === undefined) && (
        <div class="notice error" role="alert">
          <ul class="problems">
            {problems
              .filter((problem) => problem.member === undefined)
              .map((problem) => (
                <li key={problem.key}>{t(problem.key)}</li>
              ))}
          </ul>
        </div>
      )}
      {showProblems && problems.length > 0 && (
        <p class="notice error" role="alert">
          {t('gate.problem.summary', { n: problems.length })}
        </p>
      )}
      {refused && <RefusalText error={refused} />}
      {duplicates ? (
        <DuplicateChoice
          shelterId={shelterId}
          bedsMode={bedsMode}
          duplicates={duplicates}
          bedFor={(index) =>
            draft.beds === 'chosen' ? draft.bedIds[index] || undefined : undefined
          }
          pending={pending}
          onNew={clicked(() => send(true))}
          onBack={() => setDuplicates(undefined)}
          onCheckedIn={checkedIn}
          onRefused={(error) => {
            if (bedsMoved(error)) {
              update({ bedIds: [] });
              refetchBeds({ requestPolicy: 'network-only' });
            }
          }}
        />
      ) : (
        <div class="actions">
          <button type="submit" class="primary register-submit" disabled={pending}>
            {pending
              ? t('common.working')
              : t(bedsMode ? 'gate.submit' : 'gate.submitCounts', { n: draft.members.length })}
          </button>
        </div>
      )}
    </form>
  );
}
