import { normaliseDocument, normaliseName } from '@albergue/vault';

/** A document's look-up form; an explicit null (a cleared document) has none. */
export function documentKey(value: string | null | undefined): string | null {
  return value == null ? null : normaliseDocument(value);
}

/** The look-up key of a person: normalised full name with birth year (or none). */
export function nameKey(name: string, birthYear: number | null | undefined): string {
  return `${normaliseName(name)}|${birthYear ?? ''}`;
}
