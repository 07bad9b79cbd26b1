import { readdir } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { acceptedLanguages, ageText, negotiate } from './catalogue.js';
import {
  LANGUAGES,
  loadCatalogue,
  loadCatalogues,
  loadConsoleCatalogue,
  loadConsoleCatalogues,
} from './languages.js';
import { placeholders, plurals } from './message.js';

describe('catalogues', () => {
  it('lists every file in catalogues/, each under its own code', async () => {
    const files = (await readdir(new URL('./catalogues', import.meta.url)))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    expect([...LANGUAGES]).toEqual(files.sort());
    for (const [code, catalogue] of await loadCatalogues()) {
      expect(catalogue.code).toBe(code);
    }
  });

  it('loads one catalogue by code, and none for a code it has not (not even a prototype key)', async () => {
    expect((await loadCatalogue('ht'))?.code).toBe('ht');
    expect(await loadCatalogue('de')).toBeUndefined();
    expect(await loadCatalogue('constructor')).toBeUndefined();
  });

  it('has the five languages of the people the network serves', async () => {
    expect([...(await loadCatalogues()).keys()]).toEqual(
      expect.arrayContaining(['en', 'es', 'fr', 'ht', 'pt']),
    );
  });

  it('names every language in itself, for the switcher', async () => {
    for (const catalogue of (await loadCatalogues()).values()) {
      expect({ code: catalogue.code, name: catalogue.name.trim() }).not.toEqual({
        code: catalogue.code,
        name: '',
      });
    }
  });

  it('gives the staff console a catalogue for every language of the public pages, and no other', async () => {
    const files = (await readdir(new URL('./console', import.meta.url)))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual([...LANGUAGES]);
    expect([...(await loadConsoleCatalogues()).keys()]).toEqual([...LANGUAGES]);
    expect((await loadConsoleCatalogue('ht'))?.code).toBe('ht');
    expect(await loadConsoleCatalogue('constructor')).toBeUndefined();
  });
});

describe.each([
  ['public pages', loadCatalogues],
  ['staff console', loadConsoleCatalogues],
] as const)('the catalogues of the %s', (_name, load) => {
  it('gives every catalogue exactly Spanish’s keys, none empty, with the same placeholders', async () => {
    const catalogues = await load();
    const reference = catalogues.get('es')!.strings as Record<string, string>;
    for (const [code, catalogue] of catalogues) {
      const strings = catalogue.strings as Record<string, string>;
      expect({ code, keys: Object.keys(strings).sort() }).toEqual({
        code,
        keys: Object.keys(reference).sort(),
      });
      for (const [key, text] of Object.entries(strings)) {
        expect({ code, key, empty: text.trim() === '' }).toEqual({ code, key, empty: false });
        expect({ code, key, placeholders: placeholders(text) }).toEqual({
          code,
          key,
          placeholders: placeholders(reference[key]),
        });
      }
      expect(catalogue.code).toMatch(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/);
    }
  });

  /**
   * The categories a language's counts reach: those `Intl.PluralRules` gives the whole numbers up
   * to 100,000 (Spanish, French and Portuguese also have `many`, for millions and compact
   * notation, which no count here reaches). A language the runtime has no rules for (Haitian
   * Creole, whose nouns do not change with a number) needs `other` only.
   */
  function pluralsOf(code: string): { needed: Set<string>; known: Set<string> } {
    if (Intl.PluralRules.supportedLocalesOf([code]).length === 0) {
      return { needed: new Set(['other']), known: new Set(['one', 'other']) };
    }
    const rules = new Intl.PluralRules(code);
    const needed = new Set<string>(['other']);
    for (let n = 0; n <= 100_000; n += 1) {
      needed.add(rules.select(n));
    }
    return { needed, known: new Set(rules.resolvedOptions().pluralCategories) };
  }

  it('gives every plural the categories its language’s counts need, and none it has not', async () => {
    const catalogues = await load();
    const reference = catalogues.get('es')!.strings as Record<string, string>;
    for (const [code, catalogue] of catalogues) {
      const { needed, known } = pluralsOf(code);
      for (const [key, text] of Object.entries(catalogue.strings as Record<string, string>)) {
        for (const { name, categories } of plurals(text)) {
          expect({
            code,
            key,
            name,
            missing: [...needed].filter((c) => !(categories as string[]).includes(c)),
          }).toEqual({ code, key, name, missing: [] });
          expect({ code, key, name, unknown: categories.filter((c) => !known.has(c)) }).toEqual({
            code,
            key,
            name,
            unknown: [],
          });
        }
        // What counts in Spanish counts in every language whose words change with the number.
        if (needed.size > 1) {
          expect({ code, key, plurals: plurals(text).map((p) => p.name) }).toEqual({
            code,
            key,
            plurals: plurals(reference[key]).map((p) => p.name),
          });
        }
      }
    }
  });
});

describe(negotiate.name, () => {
  it('picks the first wanted language there is a catalogue for, by base language too', () => {
    expect(negotiate(['pt-BR', 'en'], ['es', 'en', 'pt'])).toBe('pt');
    expect(negotiate(['de', 'ht'], ['es', 'ht'])).toBe('ht');
    expect(negotiate(['de'], ['es', 'ht'])).toBe('es');
  });
});

describe(acceptedLanguages.name, () => {
  it('orders an Accept-Language header by weight and drops refusals', () => {
    expect(acceptedLanguages('fr;q=0.5, ht, en;q=0.8, es;q=0, *;q=0.1')).toEqual([
      'ht',
      'en',
      'fr',
    ]);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });
});

describe(ageText.name, () => {
  const say = (key: string, params?: Record<string, string | number>) =>
    `${key}${params ? ` ${JSON.stringify(params)}` : ''}`;
  const now = Date.parse('2026-11-25T20:00:00Z');

  it('says how old figures are, in the largest whole unit, or that nobody knows', () => {
    expect(ageText(say, null, now)).toBe('updated.unknown');
    expect(ageText(say, '2026-11-25T19:59:30Z', now)).toBe('updated.now');
    expect(ageText(say, '2026-11-25T19:48:00Z', now)).toBe('updated.minutes {"n":12}');
    expect(ageText(say, '2026-11-25T15:00:00Z', now)).toBe('updated.hours {"n":5}');
    expect(ageText(say, '2026-11-22T20:00:00Z', now)).toBe('updated.days {"n":3}');
    // A clock a little ahead of the server's does not make "in 2 minutes".
    expect(ageText(say, '2026-11-25T20:02:00Z', now)).toBe('updated.now');
  });
});
