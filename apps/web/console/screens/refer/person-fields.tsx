import { LANGUAGES } from '@albergue/i18n';
import { useState } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import { languageCodes, languageName } from '../../core/format.js';
import { Field } from '../../ui/field.js';
import { AGE_BRACKETS, POPULATIONS, SEXES } from '../referral-words.js';
import type { AgeBracket, Population, SexAtBirth } from './refer-documents.js';
import { type PersonDraft } from './refer-rules.js';

/**
 * Someone met at a field visit, not registered here: what the referral needs of them and no more
 * (alias, age bracket, languages, group; sex at birth only when someone says it is clinically
 * needed).
 */
export function PersonFields({
  person,
  onChange,
}: {
  person: PersonDraft;
  onChange(change: Partial<PersonDraft>): void;
}) {
  const t = useT();
  const { locale } = useConsole().language.value;
  const [others, setOthers] = useState('');
  const known = person.languages.filter((code) => LANGUAGES.includes(code));
  const setLanguages = (chosen: string[], typed: string) =>
    onChange({ languages: [...new Set([...chosen, ...languageCodes(typed)])] });
  return (
    <fieldset class="refer-person">
      <legend>{t('refer.person.title')}</legend>
      <Field
        label={t('refer.person.alias')}
        hint={t('refer.person.aliasHint')}
        name="alias"
        required
        maxLength={60}
        value={person.alias}
        onInput={(event) => onChange({ alias: event.currentTarget.value })}
      />
      <div class="field">
        <label for="refer-age">{t('refer.person.age')}</label>
        <select
          id="refer-age"
          name="ageBracket"
          required
          value={person.ageBracket ?? ''}
          onChange={(event) =>
            onChange({ ageBracket: (event.currentTarget.value || undefined) as AgeBracket })
          }
        >
          <option value="">{t('refer.choose')}</option>
          {AGE_BRACKETS.map((bracket) => (
            <option key={bracket} value={bracket}>
              {t(`referral.age.${bracket}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="refer-group">{t('refer.person.group')}</label>
        <select
          id="refer-group"
          name="population"
          value={person.population ?? ''}
          onChange={(event) =>
            onChange({ population: (event.currentTarget.value || undefined) as Population })
          }
        >
          <option value="">{t('refer.person.groupNone')}</option>
          {POPULATIONS.map((group) => (
            <option key={group} value={group}>
              {t(`group.${group}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="refer-languages">
        <legend>{t('refer.person.languages')}</legend>
        {LANGUAGES.map((code) => (
          <label class="choice" key={code}>
            <input
              type="checkbox"
              name="language"
              value={code}
              checked={known.includes(code)}
              onChange={(event) =>
                setLanguages(
                  event.currentTarget.checked
                    ? [...known, code]
                    : known.filter((each) => each !== code),
                  others,
                )
              }
            />
            <span>{languageName(locale, code)}</span>
          </label>
        ))}
        <Field
          label={t('refer.person.otherLanguages')}
          hint={t('refer.person.otherLanguagesHint')}
          name="otherLanguages"
          value={others}
          onInput={(event) => {
            setOthers(event.currentTarget.value);
            setLanguages(known, event.currentTarget.value);
          }}
        />
      </fieldset>
      <label class="choice">
        <input
          type="checkbox"
          name="sexNeeded"
          checked={person.sexNeeded}
          onChange={(event) =>
            onChange({
              sexNeeded: event.currentTarget.checked,
              sexAtBirth: event.currentTarget.checked ? person.sexAtBirth : undefined,
            })
          }
        />
        <span>{t('refer.person.sexNeeded')}</span>
      </label>
      {person.sexNeeded && (
        <fieldset class="refer-sex">
          <legend>{t('refer.person.sex')}</legend>
          {SEXES.map((sex: SexAtBirth) => (
            <label class="choice" key={sex}>
              <input
                type="radio"
                name="sexAtBirth"
                value={sex}
                checked={person.sexAtBirth === sex}
                onChange={() => onChange({ sexAtBirth: sex })}
              />
              <span>{t(`referral.sex.${sex}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
