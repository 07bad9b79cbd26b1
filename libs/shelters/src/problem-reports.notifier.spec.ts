import { jest } from '@jest/globals';
import { ProblemReportsNotifier } from './problem-reports.notifier.js';
import type { ProblemReportsService } from './problem-reports.service.js';
import type { ShelterProblemReports } from './problem-reports.views.js';
import type { Shelter } from './shelter.entity.js';
import { ProblemReason } from './shelters.enums.js';
import {
  type StaffListeners,
  StaffNotifiers,
  type StaffReply,
  type StaffSend,
} from './staff-notifiers.js';

const A = 'shelter-a';
const B = 'shelter-b';
const FLAGGED_AT = new Date('2026-11-20T18:00:00Z');
const BOARD_A: StaffListeners = {
  shelters: [A],
  boards: [A],
  health: [],
  services: [],
  network: false,
};
const NETWORK: StaffListeners = {
  shelters: [],
  boards: [],
  health: [],
  services: [],
  network: true,
};

const reportsOf = (
  shelterId: string,
  count: number,
  figuresQuestionedAt: Date | null = null,
): ShelterProblemReports => ({
  shelterId,
  figuresQuestionedAt,
  days: [{ day: '2026-11-20', reason: ProblemReason.TURNED_AWAY_DESPITE_SPACE, count }],
});

/** `answers`: what the service says, in turn, for each read (of some shelters, or of all). */
function setup(answers: ShelterProblemReports[][]) {
  const reports = { countsOf: jest.fn(() => Promise.resolve(answers.shift() ?? [])) };
  const sent: { to?: unknown; shelterId: string; count: number; flag: string | null }[] = [];
  const record = (to: unknown, payload: unknown) => {
    const counts = payload as {
      shelterId: string;
      days: { count: number }[];
      figuresQuestionedAt: string | null;
    };
    sent.push({
      ...(to === undefined ? {} : { to }),
      shelterId: counts.shelterId,
      count: counts.days.reduce((sum, day) => sum + day.count, 0),
      flag: counts.figuresQuestionedAt,
    });
  };
  const send: StaffSend = (to, _event, ...[payload]) => record(to, payload);
  const reply: StaffReply = (_event, ...[payload]) => record(undefined, payload);
  const sut = new ProblemReportsNotifier(
    new StaffNotifiers(),
    reports as unknown as ProblemReportsService,
  );
  return { sut, reports, sent, send, reply };
}

describe(ProblemReportsNotifier.name, () => {
  it('tells a socket that connects its boards’ counts, none included, and a network socket every shelter with some', async () => {
    const { sut, sent, reply } = setup([[], [reportsOf(B, 2, FLAGGED_AT)]]);
    await sut.onConnect({ socket: BOARD_A, reply, known: () => undefined });
    await sut.onConnect({ socket: NETWORK, reply, known: () => undefined });
    expect(sent).toEqual([
      { shelterId: A, count: 0, flag: null },
      { shelterId: B, count: 2, flag: FLAGGED_AT.toISOString() },
    ]);
  });

  it('sends a shelter’s counts at a check only when they changed, to its board and the network', async () => {
    const { sut, sent, send } = setup([[reportsOf(A, 1)], [reportsOf(A, 1)], [reportsOf(A, 2)]]);
    for (let check = 0; check < 3; check += 1) {
      await sut.onCheck({ listening: BOARD_A, send });
    }
    expect(sent).toEqual([
      { to: [{ board: A }, 'network'], shelterId: A, count: 1, flag: null },
      { to: [{ board: A }, 'network'], shelterId: A, count: 2, flag: null },
    ]);
  });

  it('tells the network that a shelter’s reports aged out of the week', async () => {
    const { sut, sent, send } = setup([[reportsOf(B, 1)], []]);
    await sut.onCheck({ listening: NETWORK, send });
    await sut.onCheck({ listening: NETWORK, send });
    expect(sent.map(({ shelterId, count }) => [shelterId, count])).toEqual([
      [B, 1],
      [B, 0],
    ]);
  });

  it('after a change that cleared the flag it sent, sends at once; otherwise reads nothing', async () => {
    const { sut, reports, sent, send } = setup([
      [reportsOf(A, 3, FLAGGED_AT)],
      [reportsOf(A, 3, null)],
    ]);
    await sut.onCheck({ listening: BOARD_A, send });
    const change = (figuresQuestionedAt: Date | null) =>
      sut.onChange({
        shelter: { id: A, figuresQuestionedAt } as Shelter,
        listening: BOARD_A,
        send,
      });
    await change(FLAGGED_AT);
    await change(null);
    await sut.onChange({ shelter: { id: B } as Shelter, listening: BOARD_A, send });
    expect(reports.countsOf).toHaveBeenCalledTimes(2);
    expect(sent.map(({ flag }) => flag)).toEqual([FLAGGED_AT.toISOString(), null]);
  });

  it('asks nothing when no board or network screen listens', async () => {
    const { sut, reports, send } = setup([]);
    await sut.onCheck({
      listening: { shelters: [A], boards: [], health: [], services: [], network: false },
      send,
    });
    expect(reports.countsOf).not.toHaveBeenCalled();
  });
});
