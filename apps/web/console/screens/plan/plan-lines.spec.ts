import { describe, expect, it } from '@jest/globals';
import { byTimeAndPlace, planLines } from './plan-lines.js';

const at = (time: string) => `2026-11-30T${time}:00-06:00`;

describe(planLines.name, () => {
  it('orders by time, then place, then name, whatever order the list came in', () => {
    const lines = planLines([
      { id: '1', kind: 'COURT', startsAt: at('10:00'), place: 'Juzgado', residentName: 'Ana' },
      { id: '2', kind: 'COMAR', startsAt: at('08:00'), place: 'COMAR', residentName: 'Zoé' },
      { id: '3', kind: 'INM_TVRH', startsAt: at('08:00'), place: 'INM', residentName: 'Bea' },
      { id: '4', kind: 'COMAR', startsAt: at('08:00'), place: 'COMAR', residentName: 'Ángel' },
    ]);
    expect(lines.map((line) => line.id)).toEqual(['4', '2', '3', '1']);
  });

  it('compares instants, not strings, across offsets', () => {
    const lines = planLines([
      { id: 'late', kind: 'OTHER', startsAt: '2026-11-30T09:30:00-06:00' },
      { id: 'early', kind: 'OTHER', startsAt: '2026-11-30T15:00:00Z' },
    ]);
    expect(lines.map((line) => line.id)).toEqual(['early', 'late']);
  });

  it('keeps a line without a name or place (an anonymised record)', () => {
    expect(planLines([{ id: 'x', kind: 'OTHER', startsAt: at('08:00') }])).toHaveLength(1);
  });
});

describe(byTimeAndPlace.name, () => {
  it('groups the people due at the same place and time', () => {
    const groups = byTimeAndPlace([
      { id: '1', kind: 'COMAR', startsAt: at('08:00'), place: 'COMAR', residentName: 'B' },
      { id: '2', kind: 'INM_TVRH', startsAt: at('08:00'), place: 'INM', residentName: 'C' },
      { id: '3', kind: 'COMAR', startsAt: at('08:00'), place: 'COMAR', residentName: 'A' },
      { id: '4', kind: 'COMAR', startsAt: at('09:00'), place: 'COMAR', residentName: 'D' },
    ]);
    expect(groups.map((group) => [group.place, group.lines.map((line) => line.id)])).toEqual([
      ['COMAR', ['3', '1']],
      ['INM', ['2']],
      ['COMAR', ['4']],
    ]);
  });
});
