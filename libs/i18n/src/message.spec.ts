import { describe, expect, it } from '@jest/globals';
import { format, parseMessage, placeholders, pluralCategory, plurals } from './message.js';

const PLACES = '{n, plural, one {# lugar libre} other {# lugares libres}}';

describe(format.name, () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{n} lugares libres', { n: 3 })).toBe('3 lugares libres');
    expect(format('a {km} km {x}', { km: '1.2' })).toBe('a 1.2 km {x}');
    expect(format('sin nada', undefined, 'es')).toBe('sin nada');
  });

  it('chooses a plural’s branch by the language’s rules, with # as the number', () => {
    expect(format(PLACES, { n: 1 }, 'es')).toBe('1 lugar libre');
    expect(format(PLACES, { n: 2 }, 'es')).toBe('2 lugares libres');
    expect(format(PLACES, { n: 0 }, 'es')).toBe('0 lugares libres');
    const french = '{n, plural, one {# place libre} other {# places libres}}';
    // French says "0 place", English "0 places": the language decides, not the number alone.
    expect(format(french, { n: 0 }, 'fr')).toBe('0 place libre');
    expect(format('{n, plural, one {# place} other {# places}}', { n: 0 }, 'en')).toBe('0 places');
  });

  it('falls back to other for a category the message does not give', () => {
    // Spanish's `many` is for millions: this message gives only one and other.
    expect(format(PLACES, { n: 1_000_000 }, 'es')).toBe('1000000 lugares libres');
    expect(format('{n, plural, other {# abri}}', { n: 1 }, 'ht')).toBe('1 abri');
  });

  it('fills placeholders inside branches and keeps text around the plural', () => {
    expect(
      format(
        'En {place}: {n, plural, one {# albergue en {place}} other {# albergues}}.',
        { n: 1, place: 'Tlalpan' },
        'es',
      ),
    ).toBe('En Tlalpan: 1 albergue en Tlalpan.');
    expect(format('# {n, plural, other {#}}', { n: 4 }, 'es')).toBe('# 4');
  });

  it('leaves a plural without its number as written', () => {
    expect(format(`Hay ${PLACES}`, {}, 'es')).toBe(`Hay ${PLACES}`);
  });

  it('refuses messages that are not well formed, saying where', () => {
    expect(() => parseMessage('{n, plural, one {# lugar}}')).toThrow(/without "other"/);
    expect(() => parseMessage('{n, plural, uno {# lugar} other {#}}')).toThrow(
      /"uno" is not a plural category at/,
    );
    expect(() => parseMessage('{n, select, a {x} other {y}}')).toThrow(/only "plural"/);
    expect(() => parseMessage('{n, plural, one {# lugar other {#}}')).toThrow(/expected/);
    expect(() => parseMessage('a } b')).toThrow(/without its "\{"/);
    expect(() => parseMessage('{ }')).toThrow(/a name expected/);
    expect(() => parseMessage('{n, plural, one {a} one {b} other {c}}')).toThrow(/twice/);
  });
});

describe(pluralCategory.name, () => {
  it('uses Intl.PluralRules for a language it knows', () => {
    expect(pluralCategory(1, 'es')).toBe('one');
    expect(pluralCategory(1_000_000, 'es')).toBe('many');
    expect(pluralCategory(0, 'fr')).toBe('one');
    expect(pluralCategory(0, 'en')).toBe('other');
  });

  it('says one for 1 and other otherwise where there are no rules for the language', () => {
    expect(Intl.PluralRules.supportedLocalesOf(['ht'])).toEqual([]);
    expect([0, 1, 2, 21].map((n) => pluralCategory(n, 'ht'))).toEqual([
      'other',
      'one',
      'other',
      'other',
    ]);
    expect(pluralCategory(1)).toBe('one');
  });

  it('and where the browser has no PluralRules at all (old phones)', () => {
    const { PluralRules } = Intl;
    try {
      (Intl as { PluralRules?: unknown }).PluralRules = undefined;
      // A language not asked for before, so that nothing cached answers.
      expect(pluralCategory(0, 'fr-CA')).toBe('other');
      expect(pluralCategory(1, 'fr-CA')).toBe('one');
    } finally {
      (Intl as { PluralRules?: unknown }).PluralRules = PluralRules;
    }
  });
});

describe(placeholders.name, () => {
  it('names each argument once, plurals and the placeholders in their branches too', () => {
    expect(placeholders('{n} de {total} y {n}')).toEqual(['n', 'total']);
    expect(placeholders('{n, plural, one {# en {borough}} other {#}}')).toEqual(['borough', 'n']);
  });
});

describe(plurals.name, () => {
  it('lists each plural with the categories it gives', () => {
    expect(plurals(PLACES)).toEqual([{ name: 'n', categories: ['one', 'other'] }]);
    expect(plurals('{n} plas')).toEqual([]);
  });
});
