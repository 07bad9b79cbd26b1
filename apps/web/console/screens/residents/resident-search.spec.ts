import { describe, expect, it } from '@jest/globals';
import { searchPlan } from './resident-search.js';

describe(searchPlan.name, () => {
  it('asks nothing for an empty search', () => {
    expect(searchPlan('name', '   ')).toBeNull();
    expect(searchPlan('folio', '')).toBeNull();
  });

  it('looks a name up by any part of it, narrowed to the birth year when one is given', () => {
    expect(searchPlan('name', '  Marie   Joseph ')).toEqual({
      query: 'findResidents',
      name: 'Marie Joseph',
    });
    expect(searchPlan('name', 'Marie', '1990')).toEqual({
      query: 'findResidents',
      name: 'Marie',
      birthYearFrom: 1990,
      birthYearTo: 1990,
    });
  });

  it('ignores a birth year that is not one', () => {
    expect(searchPlan('name', 'Marie', '19')).toEqual({ query: 'findResidents', name: 'Marie' });
    expect(searchPlan('name', 'Marie', 'abc')).toEqual({ query: 'findResidents', name: 'Marie' });
  });

  it('looks a folio or a document up exactly, written as the API stores them', () => {
    expect(searchPlan('folio', ' cmx-2026 0042 ')).toEqual({
      query: 'searchResidents',
      comarFolio: 'CMX-20260042',
    });
    expect(searchPlan('document', 'RA 123456')).toEqual({
      query: 'searchResidents',
      document: 'RA123456',
    });
  });
});
