import { ApiErrorCode } from '@albergue/contracts';
import { format, LANGUAGES, loadConsoleCatalogue } from '@albergue/i18n';
import { useQuery } from '@urql/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import type { ActError } from '../../graphql/errors.js';
import { errorMessage } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { clicked, submitted } from '../../ui/handlers.js';
import {
  GateBeds,
  type GateBed,
  LikelyMatches,
  type LegalBasis,
  type Population,
  RegisterAndCheckIn,
  RegisterHousehold,
} from './gate-documents.js';
import {
  type HouseholdDraft,
  householdInput,
  isMinor,
  type MemberDraft,
  newHousehold,
  newMember,
  type Problem,
  problemsOf,
} from './household.js';
import { localDay } from '../../core/format.js';

/** Nationalities most often at the gate, then "unknown or stateless" (XX, as the API takes it). */
const NATIONALITIES = [
  'HT',
  'VE',
  'HN',
  'GT',
  'SV',
  'NI',
  'CU',
  'CO',
  'EC',
  'MX',
  'CL',
  'BR',
  'XX',
];
const BASES: LegalBasis[] = ['CONSENT', 'VITAL_INTEREST', 'PUBLIC_INTEREST'];
/** Refusals the gate explains in its own words (the API's `extensions.reason`). */
const GATE_REASONS = ['BED_TAKEN', 'NO_SUITABLE_BEDS', 'NO_ROOM', 'BEDS_MODE_ONLY'] as const;

interface Duplicates {
  /** Members the API may already have on record, by index, with what they were registered as. */
  members: { index: number; name: string; birthYear: number | undefined }[];
}

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
 * them). A possible duplicate comes back as a choice: the likely matches, or "register as new".
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
    if (error.reason === 'BED_TAKEN' || error.reason === 'NO_SUITABLE_BEDS') {
      // Someone took a bed meanwhile: the choice is shown again from the board as it is now.
      update({ bedIds: [] });
      refetchBeds({ requestPolicy: 'network-only' });
    }
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
      <div class="field">
        <label for="gate-nationality">{t('gate.nationality')}</label>
        <select
          id="gate-nationality"
          name="nationality"
          value={draft.nationality}
          onChange={(event) => update({ nationality: event.currentTarget.value })}
        >
          <option value="">{t('gate.choose')}</option>
          {NATIONALITIES.map((code) => (
            <option key={code} value={code}>
              {code === 'XX'
                ? t('gate.nationalityUnknown')
                : regionName(language.value.locale, code)}
            </option>
          ))}
        </select>
      </div>

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
          duplicates={duplicates}
          pending={pending}
          onNew={clicked(() => send(true))}
          onBack={() => setDuplicates(undefined)}
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

function MemberFields({
  member,
  index,
  draft,
  year,
  problems,
  onChange,
  onRemove,
}: {
  member: MemberDraft;
  index: number;
  draft: HouseholdDraft;
  year: number;
  problems: Problem[];
  onChange(change: Partial<MemberDraft>): void;
  onRemove?: () => void;
}) {
  const t = useT();
  const { language } = useConsole();
  const minor = isMinor(member, year);
  const guardians = draft.members
    .map((other, i) => ({ other, i }))
    .filter(({ other }) => other.key !== member.key && !isMinor(other, year));
  const label = t('gate.person', { n: index + 1 });
  return (
    <fieldset class="member" data-member={index}>
      <legend>
        {label}
        {index === 0 && draft.members.length > 1 ? ` · ${t('gate.head')}` : ''}
      </legend>
      <Field
        label={t('gate.name')}
        hint={t('gate.nameHint')}
        name={`member-${index}-name`}
        autoComplete="off"
        value={member.name}
        onInput={(event) => onChange({ name: event.currentTarget.value })}
      />
      <div class="age-row">
        <Field
          label={t('gate.birthYear')}
          name={`member-${index}-birthYear`}
          type="number"
          inputMode="numeric"
          min={1900}
          max={year}
          value={member.birthYear}
          onInput={(event) => onChange({ birthYear: event.currentTarget.value })}
        />
        <Field
          label={t('gate.age')}
          name={`member-${index}-age`}
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          value={member.age}
          disabled={member.birthYear.trim() !== ''}
          onInput={(event) => onChange({ age: event.currentTarget.value })}
        />
      </div>
      {minor && <p class="hint minor-note">{t('gate.minor')}</p>}
      {index > 0 && (
        <div class="field">
          <label for={`gate-nationality-${member.key}`}>{t('gate.memberNationality')}</label>
          <select
            id={`gate-nationality-${member.key}`}
            name={`member-${index}-nationality`}
            value={member.nationality}
            onChange={(event) => onChange({ nationality: event.currentTarget.value })}
          >
            <option value="">{t('gate.sameNationality')}</option>
            {NATIONALITIES.map((code) => (
              <option key={code} value={code}>
                {code === 'XX'
                  ? t('gate.nationalityUnknown')
                  : regionName(language.value.locale, code)}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset class="languages">
        <legend>{t('gate.languages')}</legend>
        {LANGUAGES.map((code) => (
          <label class="choice" key={code}>
            <input
              type="checkbox"
              name={`member-${index}-language-${code}`}
              checked={member.languages.includes(code)}
              onChange={(event) =>
                onChange({
                  languages: event.currentTarget.checked
                    ? [...member.languages, code]
                    : member.languages.filter((each) => each !== code),
                })
              }
            />
            <span lang={code}>{languageName(language.value.locale, code)}</span>
          </label>
        ))}
        <Field
          label={t('gate.otherLanguages')}
          hint={t('gate.otherLanguagesHint')}
          name={`member-${index}-otherLanguages`}
          autoComplete="off"
          value={member.otherLanguages}
          onInput={(event) => onChange({ otherLanguages: event.currentTarget.value })}
        />
      </fieldset>
      {minor && (
        <div class="minor">
          <label class="choice">
            <input
              type="checkbox"
              name={`member-${index}-unaccompanied`}
              checked={member.unaccompanied}
              onChange={(event) => onChange({ unaccompanied: event.currentTarget.checked })}
            />
            <span>{t('gate.unaccompanied')}</span>
          </label>
          {member.unaccompanied ? (
            <div class="follow-up">
              <p class="hint">{t('gate.followUp.intro')}</p>
              <Field
                label={t('gate.followUp.authority')}
                name={`member-${index}-authority`}
                value={member.authority}
                onInput={(event) => onChange({ authority: event.currentTarget.value })}
              />
              <Field
                label={t('gate.followUp.notifiedOn')}
                name={`member-${index}-notifiedOn`}
                type="date"
                value={member.notifiedOn}
                onInput={(event) => onChange({ notifiedOn: event.currentTarget.value })}
              />
              <Field
                label={t('gate.followUp.caseNumber')}
                name={`member-${index}-caseNumber`}
                value={member.caseNumber}
                onInput={(event) => onChange({ caseNumber: event.currentTarget.value })}
              />
            </div>
          ) : (
            <div class="field">
              <label for={`gate-guardian-${member.key}`}>{t('gate.guardian')}</label>
              <select
                id={`gate-guardian-${member.key}`}
                name={`member-${index}-guardian`}
                value={member.guardianKey === null ? '' : String(member.guardianKey)}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  onChange({ guardianKey: value === '' ? null : Number(value) });
                }}
              >
                <option value="">{t('gate.choose')}</option>
                {guardians.map(({ other, i }) => (
                  <option key={other.key} value={String(other.key)}>
                    {other.name.trim() || t('gate.person', { n: i + 1 })}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      )}
      {problems.length > 0 && (
        <div class="notice error" role="alert">
          <ul class="problems">
            {problems.map((problem) => (
              <li key={problem.key}>{t(problem.key)}</li>
            ))}
          </ul>
        </div>
      )}
      {onRemove && (
        <button type="button" class="link remove-member" onClick={onRemove}>
          {t('gate.removeMember', { name: member.name.trim() || label })}
        </button>
      )}
    </fieldset>
  );
}

/**
 * The legal basis for keeping the household's data. Consent is explained in the language chosen
 * (the text shown in that language, to read out or hand over), with the plain statement that the
 * bed does not depend on it; vital or public interest when consent cannot be free.
 */
function LegalBasisFields({
  draft,
  onChange,
}: {
  draft: HouseholdDraft;
  onChange(change: Partial<HouseholdDraft>): void;
}) {
  const t = useT();
  const { language } = useConsole();
  return (
    <fieldset class="legal-basis">
      <legend>{t('gate.basis.title')}</legend>
      {BASES.map((basis) => (
        <label class="choice" key={basis}>
          <input
            type="radio"
            name="basis"
            value={basis}
            checked={draft.basis === basis}
            onChange={() => onChange({ basis })}
          />
          <span>{t(`gate.basis.${basis}`)}</span>
        </label>
      ))}
      <div class="field">
        <label for="gate-explained-in">{t('gate.basis.explainedIn')}</label>
        <select
          id="gate-explained-in"
          name="explainedIn"
          value={draft.explainedIn}
          onChange={(event) => onChange({ explainedIn: event.currentTarget.value })}
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {languageName(language.value.locale, code)}
            </option>
          ))}
        </select>
      </div>
      {draft.basis === 'CONSENT' && (
        <>
          <ConsentText code={draft.explainedIn} />
          <label class="choice consent-free">
            <input
              type="checkbox"
              name="consentIndependent"
              checked={draft.consentIndependent}
              onChange={(event) => onChange({ consentIndependent: event.currentTarget.checked })}
            />
            <span>{t('gate.basis.consentIndependent')}</span>
          </label>
        </>
      )}
      {draft.basis !== 'CONSENT' && <p class="hint">{t(`gate.basis.${draft.basis}.hint`)}</p>}
    </fieldset>
  );
}

/** The consent explanation in the person's language, from that language's catalogue. */
function ConsentText({ code }: { code: string }) {
  const [shown, setShown] = useState<{ code: string; text: string }>();
  useEffect(() => {
    let current = true;
    void loadConsoleCatalogue(code).then((catalogue) => {
      if (current && catalogue) {
        setShown({ code, text: format(catalogue.strings['gate.basis.consentText'], {}, code) });
      }
    });
    return () => {
      current = false;
    };
  }, [code]);
  // Only the text of the language chosen: never the last one's words under the new one's name.
  return shown?.code === code ? (
    <blockquote class="consent-text" lang={code}>
      {shown.text}
    </blockquote>
  ) : null;
}

function DuplicateChoice({
  shelterId,
  duplicates,
  pending,
  onNew,
  onBack,
}: {
  shelterId: string;
  duplicates: Duplicates;
  pending: boolean;
  onNew(): void;
  onBack(): void;
}) {
  const t = useT();
  return (
    <div class="duplicates notice warning" role="alert" aria-labelledby="duplicates-title">
      <h3 id="duplicates-title">{t('gate.duplicate.title')}</h3>
      <p>{t('gate.duplicate.intro')}</p>
      {duplicates.members.map((member) => (
        <MemberMatches key={member.index} shelterId={shelterId} {...member} />
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

/** Who the API says a member may be: names as it shows them to this caller, birth year, group. */
function MemberMatches({
  shelterId,
  name,
  birthYear,
}: {
  shelterId: string;
  name: string;
  birthYear: number | undefined;
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
            <strong>{resident.name ?? t('gate.nameHidden')}</strong>
            {resident.birthYear !== null && resident.birthYear !== undefined && (
              <> · {t('gate.duplicate.born', { year: String(resident.birthYear) })}</>
            )}{' '}
            · {t(`group.${resident.population}`)}
            {resident.currentShelterId !== shelterId && <> · {t('gate.duplicate.elsewhere')}</>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function RefusalText({ error }: { error: ActError }) {
  const t = useT();
  const reason = GATE_REASONS.find((each) => each === error.reason);
  return (
    <p class="notice error" role="alert">
      {reason ? t(`gate.refused.${reason}`) : errorMessage(t, error)}
    </p>
  );
}

function bedName(bed: Pick<GateBed, 'roomName' | 'label'>): string {
  return `${bed.roomName} ${bed.label}`;
}

function regionName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
