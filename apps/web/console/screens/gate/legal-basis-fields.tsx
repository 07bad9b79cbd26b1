import { format, LANGUAGES, loadConsoleCatalogue } from '@albergue/i18n';
import { useEffect, useState } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import type { LegalBasis } from './gate-documents.js';
import type { HouseholdDraft } from './household.js';
import { languageName } from '../../core/format.js';

const BASES: LegalBasis[] = ['CONSENT', 'VITAL_INTEREST', 'PUBLIC_INTEREST'];

/**
 * The legal basis for keeping the household's data. Consent is explained in the language chosen
 * (the text shown in that language, to read out or hand over), with the plain statement that the
 * bed does not depend on it; vital or public interest when consent cannot be free.
 */
export function LegalBasisFields({
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
