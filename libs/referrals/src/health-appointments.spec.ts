import { AppointmentKind } from '@albergue/residents';
import { planEntry } from './health-appointments.js';

const ROW = {
  id: 'r-1',
  residentId: 'p-1',
  shelterId: 's-1',
  scheduledFor: new Date('2026-11-30T15:00:00Z'),
  placeSealed: 'sealed',
  needsEscort: false,
  needsTransport: false,
};

describe('a referral’s appointment in the morning plan', () => {
  it('is a HEALTH appointment at its time, without its place when nobody travels with it', () => {
    expect(planEntry(ROW, 'Consultorio 3')).toEqual({
      id: 'r-1',
      residentId: 'p-1',
      shelterId: 's-1',
      kind: AppointmentKind.HEALTH,
      startsAt: ROW.scheduledFor,
      place: null,
      escort: false,
      forVolunteers: false,
    });
  });

  it('shows its place where transport is needed, still not to volunteers', () => {
    expect(planEntry({ ...ROW, needsTransport: true }, 'Consultorio 3')).toMatchObject({
      place: 'Consultorio 3',
      escort: false,
      forVolunteers: false,
    });
  });

  it('with an escort: its place, and volunteers see it', () => {
    expect(planEntry({ ...ROW, needsEscort: true }, 'Consultorio 3')).toMatchObject({
      place: 'Consultorio 3',
      escort: true,
      forVolunteers: true,
    });
  });
});
