import { bracketOf, isMinor } from './ages.js';
import { AgeBracket } from './residents.enums.js';

describe(bracketOf.name, () => {
  const now = new Date('2026-11-25T00:00:00Z');

  it.each([
    [2024, AgeBracket.UNDER_5],
    [2018, AgeBracket.CHILD],
    [2009, AgeBracket.ADOLESCENT],
    [2008, AgeBracket.YOUNG_ADULT],
    [1990, AgeBracket.ADULT],
    [1960, AgeBracket.OLDER],
  ])('born %i: %s', (year, bracket) => {
    expect(bracketOf(year, now)).toBe(bracket);
  });

  it('counts the three youngest brackets as minors', () => {
    expect(Object.values(AgeBracket).filter(isMinor)).toEqual([
      AgeBracket.UNDER_5,
      AgeBracket.CHILD,
      AgeBracket.ADOLESCENT,
    ]);
  });
});
