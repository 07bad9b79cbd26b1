import { LANGUAGES } from '@albergue/i18n';
import { useConsole, useT } from '../../core/context.js';
import { Field } from '../../ui/field.js';
import { type HouseholdDraft, isMinor, type MemberDraft, type Problem } from './household.js';
import { languageName } from '../../core/format.js';
import { NationalitySelect } from './nationality-select.js';

/**
 * One member of the household: name, age, nationality when not the household's, languages, and
 * for a minor the guardian or, unaccompanied, the child-protection follow-up. Fields holding
 * personal data keep no browser form history (autocomplete off): never one person's data offered
 * while typing another's.
 */
export function MemberFields({
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
          autoComplete="off"
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
          autoComplete="off"
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
        <NationalitySelect
          id={`gate-nationality-${member.key}`}
          name={`member-${index}-nationality`}
          label={t('gate.memberNationality')}
          emptyLabel={t('gate.sameNationality')}
          value={member.nationality}
          onChange={(nationality) => onChange({ nationality })}
        />
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
                autoComplete="off"
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
                autoComplete="off"
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
