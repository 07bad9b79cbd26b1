import { describe, expect, it } from '@jest/globals';
import { loadLanguage, preferredLanguage } from './language.js';

describe(loadLanguage.name, () => {
  it('chooses each count’s words by the language’s own plural rules (Intl.PluralRules)', async () => {
    const es = await loadLanguage('es');
    const fr = await loadLanguage('fr');
    const ht = await loadLanguage('ht');
    // Spanish: 1 is singular, 0 is plural.
    expect(es.t('shelters.free', { n: 1 })).toBe('1 lugar libre');
    expect(es.t('shelters.free', { n: 0 })).toBe('0 lugares libres');
    // French: 0 and 1 are both singular.
    expect(fr.t('shelters.free', { n: 0 })).toBe('0 place libre');
    expect(fr.t('shelters.free', { n: 2 })).toBe('2 places libres');
    // Haitian Creole: the noun does not change.
    expect(ht.t('shelters.free', { n: 1 })).toBe('1 plas lib');
    expect(ht.t('shelters.free', { n: 3 })).toBe('3 plas lib');
  });

  it('formats with the language’s locale, Haitian Creole with French Haiti’s', async () => {
    expect((await loadLanguage('ht')).locale).toBe('fr-HT');
    expect((await loadLanguage('pt')).locale).toBe('pt');
  });
});

describe(preferredLanguage.name, () => {
  it('takes ?lang= first, then the one chosen before, then the browser’s, else Spanish', () => {
    expect(preferredLanguage('?lang=ht', 'fr', ['en'])).toBe('ht');
    expect(preferredLanguage('', 'fr', ['en'])).toBe('fr');
    expect(preferredLanguage('', null, ['pt-BR', 'en'])).toBe('pt');
    expect(preferredLanguage('?lang=de', null, ['de-DE'])).toBe('es');
  });
});
