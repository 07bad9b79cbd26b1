/**
 * How a search typed at the residents screen becomes a query, as the API allows it: a name (any
 * part, spelling forgiven, narrowed by a birth year when known) goes to `findResidents`; a COMAR
 * folio or a document number is an exact look-up (`searchResidents`).
 */
export type SearchBy = 'name' | 'folio' | 'document';

export type SearchPlan =
  | { query: 'findResidents'; name: string; birthYearFrom?: number; birthYearTo?: number }
  | { query: 'searchResidents'; comarFolio?: string; document?: string }
  | null;

export function searchPlan(by: SearchBy, text: string, birthYear?: string): SearchPlan {
  const typed = text.trim().replace(/\s+/g, ' ');
  if (!typed) {
    return null;
  }
  switch (by) {
    case 'name': {
      const year = Number(birthYear?.trim());
      const known = Number.isInteger(year) && year >= 1900 && year <= 2100;
      return known
        ? { query: 'findResidents', name: typed, birthYearFrom: year, birthYearTo: year }
        : { query: 'findResidents', name: typed };
    }
    case 'folio':
      // Folios are written in capitals with dashes; people type them as they come.
      return { query: 'searchResidents', comarFolio: typed.toUpperCase().replace(/\s/g, '') };
    case 'document':
      return { query: 'searchResidents', document: typed.replace(/\s/g, '') };
  }
}
