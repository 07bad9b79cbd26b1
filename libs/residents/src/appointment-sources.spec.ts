import { jest } from '@jest/globals';
import { AppointmentSources, type SourcedAppointment } from './appointment-sources.js';
import { AppointmentKind } from './residents.enums.js';

const at = (iso: string, id: string): SourcedAppointment => ({
  id,
  residentId: 'p-1',
  shelterId: 's-1',
  kind: AppointmentKind.HEALTH,
  startsAt: new Date(iso),
  place: null,
  escort: false,
  forVolunteers: false,
});

describe('AppointmentSources', () => {
  it('asks every source and gives their appointments soonest first', async () => {
    const sut = new AppointmentSources();
    const asked: [string[], number][] = [];
    sut.register({
      name: 'one',
      due: (shelterIds, withinMs) => {
        asked.push([shelterIds, withinMs]);
        return Promise.resolve([at('2026-11-30T12:00:00Z', 'b')]);
      },
    });
    sut.register({ name: 'two', due: () => Promise.resolve([at('2026-11-30T09:00:00Z', 'a')]) });
    expect((await sut.due(['s-1'], 3_600_000)).map((a) => a.id)).toEqual(['a', 'b']);
    expect(asked).toEqual([[['s-1'], 3_600_000]]);
  });

  it('asks nobody for no shelters', async () => {
    const sut = new AppointmentSources();
    const due = jest.fn(() => Promise.resolve<SourcedAppointment[]>([]));
    sut.register({ name: 'one', due });
    expect(await sut.due([], 1)).toEqual([]);
    expect(due).not.toHaveBeenCalled();
  });
});
