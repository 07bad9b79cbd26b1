import { describe, expect, it } from '@jest/globals';
import {
  auditVariables,
  csvFileName,
  filterProblem,
  mayHaveMore,
  MOST,
  NO_FILTER,
  PAGE,
} from './audit-filter.js';

const ZONE = 'America/Mexico_City';

describe('auditVariables', () => {
  it('asks for a page and nothing else when no filter is given', () => {
    expect(auditVariables(NO_FILTER, ZONE)).toEqual({ first: PAGE });
  });

  it('passes the filters given, trimmed, and leaves out the empty ones', () => {
    expect(
      auditVariables(
        { ...NO_FILTER, actorId: 'a-1', action: ' createUser ', outcome: 'DENIED', targetId: ' ' },
        ZONE,
        150,
      ),
    ).toEqual({ first: 150, actorId: 'a-1', action: 'createUser', outcome: 'DENIED' });
  });

  it('reads days on the network’s clock: since from its midnight, until to the next one', () => {
    // Mexico City is UTC-6 all year since 2022.
    expect(
      auditVariables({ ...NO_FILTER, since: '2026-11-20', until: '2026-11-29' }, ZONE),
    ).toEqual({
      first: PAGE,
      since: '2026-11-20T06:00:00.000Z',
      until: '2026-11-30T06:00:00.000Z',
    });
    expect(auditVariables({ ...NO_FILTER, until: '2026-12-31' }, 'UTC').until).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });

  it('keeps first within what the API takes', () => {
    expect(auditVariables(NO_FILTER, ZONE, 5000).first).toBe(MOST);
    expect(auditVariables(NO_FILTER, ZONE, 0).first).toBe(1);
  });
});

describe('filterProblem', () => {
  it('refuses an end before the start, and takes one day or open ends', () => {
    expect(filterProblem({ ...NO_FILTER, since: '2026-11-20', until: '2026-11-19' })).toBe(
      'untilBeforeSince',
    );
    expect(filterProblem({ ...NO_FILTER, since: '2026-11-20', until: '2026-11-20' })).toBeNull();
    expect(filterProblem({ ...NO_FILTER, until: '2026-11-20' })).toBeNull();
  });
});

describe('mayHaveMore', () => {
  it('offers more after a full page only, and not past the API’s most', () => {
    expect(mayHaveMore(PAGE, PAGE)).toBe(true);
    expect(mayHaveMore(PAGE - 1, PAGE)).toBe(false);
    expect(mayHaveMore(MOST, MOST)).toBe(false);
  });
});

describe('csvFileName', () => {
  it('dates the file by the network’s day, not the device’s', () => {
    // 03:00 UTC on the 30th is still the 29th in Mexico City.
    expect(csvFileName(ZONE, new Date('2026-11-30T03:00:00Z'))).toBe('audit-2026-11-29.csv');
    expect(csvFileName('UTC', new Date('2026-11-30T03:00:00Z'))).toBe('audit-2026-11-30.csv');
  });
});
