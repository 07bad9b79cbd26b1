import { jest } from '@jest/globals';
import {
  type StaffListeners,
  StaffNotifiers,
  type StaffReply,
  type StaffSend,
} from '@albergue/shelters';
import { AppointmentsNotifier } from './appointments.notifier.js';
import type { AsylumService, DueAppointment } from './asylum.service.js';
import { AppointmentKind } from './residents.enums.js';
import type { ResidentsOptions } from './residents.options.js';

const A = 'shelter-a';
const B = 'shelter-b';
const LISTENING: StaffListeners = {
  shelters: [A, B],
  boards: [A, B],
  health: [],
  services: [],
  network: false,
};
const due: DueAppointment = {
  appointmentId: 'ap-1',
  residentId: 'r-1',
  shelterId: A,
  kind: AppointmentKind.COMAR,
  startsAt: new Date('2026-01-01T10:00:00Z'),
};

function setup(answers: DueAppointment[][]) {
  const asylum = { dueIds: jest.fn(() => Promise.resolve(answers.shift() ?? [])) };
  const sent: { to?: unknown; event: string; payload: unknown }[] = [];
  const send: StaffSend = (to, event, ...[payload]) => void sent.push({ to, event, payload });
  const reply: StaffReply = (event, ...[payload]) => void sent.push({ event, payload });
  const sut = new AppointmentsNotifier(
    new StaffNotifiers(),
    asylum as unknown as AsylumService,
    {
      appointmentsAheadMs: 43_200_000,
      timeZone: 'America/Mexico_City',
    } as ResidentsOptions,
  );
  return { sut, asylum, sent, send, reply };
}

describe(AppointmentsNotifier.name, () => {
  it('tells a socket that connects every board’s appointments, none included', async () => {
    const { sut, sent, reply } = setup([[due]]);
    await sut.onConnect({ socket: LISTENING, reply, known: () => undefined });
    expect(sent).toEqual([
      {
        event: 'appointmentsDue',
        payload: {
          shelterId: A,
          appointments: [
            {
              appointmentId: 'ap-1',
              residentId: 'r-1',
              kind: 'COMAR',
              startsAt: '2026-01-01T04:00:00-06:00',
            },
          ],
        },
      },
      { event: 'appointmentsDue', payload: { shelterId: B, appointments: [] } },
    ]);
  });

  it('sends a board’s appointments at a check only when they changed', async () => {
    const { sut, sent, send } = setup([[due], [due], []]);
    await sut.onCheck({ listening: LISTENING, send });
    await sut.onCheck({ listening: LISTENING, send });
    await sut.onCheck({ listening: LISTENING, send });
    expect(
      sent.map(({ to, payload }) => [
        to,
        (payload as { appointments: unknown[] }).appointments.length,
      ]),
    ).toEqual([
      [{ board: A }, 1],
      [{ board: B }, 0],
      [{ board: A }, 0],
    ]);
  });

  it('still sends the room a change that a socket connecting just before the check saw first', async () => {
    // Volunteer already open with nothing due; an appointment is added; a coordinator connects
    // and gets it; the volunteer must get it at the next check all the same.
    const { sut, sent, send, reply } = setup([[], [due], [due]]);
    await sut.onCheck({ listening: LISTENING, send });
    await sut.onConnect({ socket: LISTENING, reply, known: () => undefined });
    sent.length = 0;
    await sut.onCheck({ listening: LISTENING, send });
    expect(sent.map(({ to }) => to)).toEqual([{ board: A }]);
  });

  it('asks nothing when no board is watched', async () => {
    const { sut, asylum, send } = setup([]);
    await sut.onCheck({ listening: { ...LISTENING, boards: [] }, send });
    expect(asylum.dueIds).not.toHaveBeenCalled();
  });
});
