import { LANGUAGES } from '@albergue/i18n';
import { useState } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import { languageName } from '../../core/format.js';
import type { Share } from './refer-documents.js';
import { SHARES } from '../referral-words.js';
import { type ConsentChoice, type ReferDraft } from './refer-rules.js';
import { useWordsOrUnavailable } from './words-of.js';

/**
 * The person's consent to this referral: who explains it (the signed-in health worker), in which
 * language (the explanation shown in it, to read out), what is shared with whom; the plain
 * statement that refusing never affects their bed. Not now: a draft that does not leave the
 * shelter. In an emergency, when the person cannot consent now: vital interest, decided by the
 * caller.
 */
export function ConsentStep({
  draft,
  preferred,
  onChange,
}: {
  draft: ReferDraft;
  /** The language to explain it in unless someone chooses another: the person's. */
  preferred: string;
  onChange(change: Partial<ReferDraft>): void;
}) {
  const t = useT();
  const [languageChosen, setLanguageChosen] = useState(false);
  const { session, language } = useConsole();
  const me = session.me.value;
  const choices: ConsentChoice[] =
    draft.urgency === 'EMERGENCY' ? ['GIVEN', 'NOT_NOW', 'VITAL_INTEREST'] : ['GIVEN', 'NOT_NOW'];
  const toggle = (share: Share, on: boolean) =>
    onChange({
      shares: on ? [...draft.shares, share] : draft.shares.filter((each) => each !== share),
    });
  return (
    <fieldset class="refer-consent">
      <legend>{t('refer.consent.title')}</legend>
      <p class="bed-not-affected">
        <strong>{t('refer.consent.bed')}</strong>
      </p>
      <p>{t('refer.consent.who', { name: me?.displayName ?? '' })}</p>
      {choices.map((choice) => (
        <label class="choice" key={choice}>
          <input
            type="radio"
            name="consent"
            value={choice}
            checked={draft.consent === choice}
            onChange={() =>
              onChange({
                consent: choice,
                consentLanguage: languageChosen ? draft.consentLanguage : preferred,
              })
            }
          />
          <span>{t(`refer.consent.${choice}`)}</span>
        </label>
      ))}
      {draft.consent === 'GIVEN' && (
        <>
          <div class="field">
            <label for="refer-consent-language">{t('refer.consent.language')}</label>
            <select
              id="refer-consent-language"
              name="consentLanguage"
              value={draft.consentLanguage}
              onChange={(event) => {
                setLanguageChosen(true);
                onChange({ consentLanguage: event.currentTarget.value });
              }}
            >
              {LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {languageName(language.value.locale, code)}
                </option>
              ))}
            </select>
          </div>
          <ConsentText code={draft.consentLanguage} />
          <fieldset class="refer-shares">
            <legend>{t('refer.consent.shares')}</legend>
            {SHARES.map((share) => (
              <label class="choice" key={share}>
                <input
                  type="checkbox"
                  name="share"
                  value={share}
                  checked={draft.shares.includes(share)}
                  onChange={(event) => toggle(share, event.currentTarget.checked)}
                />
                <span>{t(`referral.share.${share}`)}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      {draft.consent === 'NOT_NOW' && <p class="notice warning">{t('refer.consent.draftHint')}</p>}
      {draft.consent === 'VITAL_INTEREST' && (
        <p class="notice warning">
          {t('refer.consent.vitalHint', { name: me?.displayName ?? '' })}
        </p>
      )}
    </fieldset>
  );
}

/** What the person hears, in their language: read out or shown to them. */
function ConsentText({ code }: { code: string }) {
  const t = useT();
  const { locale } = useConsole().language.value;
  const loaded = useWordsOrUnavailable(code);
  if (loaded === 'unavailable') {
    // Offline before this device kept that language's words: explained in the worker's own.
    return (
      <p class="notice warning consent-text-unavailable">
        {t('referFix.consent.textUnavailable', { language: languageName(locale, code) })}
      </p>
    );
  }
  return loaded ? (
    <blockquote class="consent-text" lang={code}>
      <p>{loaded.words('refer.consent.text')}</p>
      <p>{loaded.words('refer.consent.bed')}</p>
    </blockquote>
  ) : null;
}
