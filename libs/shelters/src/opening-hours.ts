import type { OpeningHoursInput } from './dto/shelter-parts.input.js';
import type { OpeningHours } from './shelter-parts.js';
import { SheltersException, SheltersExceptionCode } from './shelters.exception.js';

/**
 * The hours as stored, from input the validation pipe let through (times and days are well
 * formed there): refuses what says two things or nothing, sorts each period's days, and keeps
 * the periods in the order given.
 */
export function checkedHours(input: OpeningHoursInput | null): OpeningHours | null {
  if (input === null) {
    return null;
  }
  const alwaysOpen = input.alwaysOpen ?? false;
  const periods = input.periods ?? [];
  if (alwaysOpen === periods.length > 0) {
    throw new SheltersException(
      alwaysOpen
        ? 'Hours open day and night have no periods.'
        : 'Hours need periods, or alwaysOpen; hours: null says they are not stated.',
      SheltersExceptionCode.HOURS_UNCLEAR,
      ['input.hours.periods'],
    );
  }
  periods.forEach(({ opens, closes }, index) => {
    if (opens === closes) {
      throw new SheltersException(
        'A period closes at another time than it opens (open day and night: alwaysOpen).',
        SheltersExceptionCode.HOURS_UNCLEAR,
        [`input.hours.periods.${index}.closes`],
      );
    }
  });
  return {
    alwaysOpen,
    periods: periods.map(({ days, opens, closes }) => ({
      days: [...days].sort((a, b) => a - b),
      opens,
      closes,
    })),
  };
}
