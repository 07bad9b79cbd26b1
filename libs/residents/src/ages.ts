import { AgeBracket } from './residents.enums.js';

const MINOR_BRACKETS = new Set([AgeBracket.UNDER_5, AgeBracket.CHILD, AgeBracket.ADOLESCENT]);

export function bracketOf(birthYear: number, now = new Date()): AgeBracket {
  const age = now.getUTCFullYear() - birthYear;
  if (age < 5) {
    return AgeBracket.UNDER_5;
  }
  if (age < 12) {
    return AgeBracket.CHILD;
  }
  if (age < 18) {
    return AgeBracket.ADOLESCENT;
  }
  if (age < 30) {
    return AgeBracket.YOUNG_ADULT;
  }
  return age < 60 ? AgeBracket.ADULT : AgeBracket.OLDER;
}

/**
 * With only a birth year, someone turning 18 this year counts as a minor: the safer side for
 * child protection.
 */
export function isMinor(bracket: AgeBracket): boolean {
  return MINOR_BRACKETS.has(bracket);
}
