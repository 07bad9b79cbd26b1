import type { PopulationName } from '@albergue/contracts';
import type { ConsoleKey } from '@albergue/i18n';

/** What bedsModePreview says, as the console reads it (the fields this needs). */
export interface PreviewFacts {
  bedsMode: boolean;
  ready: boolean;
  missing: readonly PopulationName[];
  holdsWithoutBeds: number;
  staysWithoutBeds: number;
}

/** One thing to tell: a catalogue key and its values (a group is named in the reader's words). */
export interface Note {
  key: ConsoleKey;
  n?: number;
  population?: PopulationName;
}

/**
 * What stops a switch to beds mode, each said with what to do, in the order to do it: beds for
 * each group that has none, then the places held and the people checked in without a bed.
 * Nothing when the switch would go through (or the shelter is in beds mode already).
 */
export function missingNotes(preview: PreviewFacts): Note[] {
  if (preview.bedsMode) {
    return [];
  }
  return [
    ...preview.missing.map((population): Note => ({ key: 'setup.preview.missing', population })),
    ...(preview.holdsWithoutBeds > 0
      ? [{ key: 'setup.preview.holds', n: preview.holdsWithoutBeds } as Note]
      : []),
    ...(preview.staysWithoutBeds > 0
      ? [{ key: 'setup.preview.stays', n: preview.staysWithoutBeds } as Note]
      : []),
  ];
}

/** The switch's refusals by the API's reason; an unknown one falls back to the generic words. */
const REFUSALS: Record<string, ConsoleKey> = {
  ALREADY_BEDS_MODE: 'setup.refused.ALREADY_BEDS_MODE',
  BEDS_MISSING: 'setup.refused.BEDS_MISSING',
  HOLDS_WITHOUT_BEDS: 'setup.refused.HOLDS_WITHOUT_BEDS',
  STAYS_WITHOUT_BEDS: 'setup.refused.STAYS_WITHOUT_BEDS',
};

export function refusalKey(reason: string | undefined): ConsoleKey | undefined {
  return reason ? REFUSALS[reason] : undefined;
}
