import { jest } from '@jest/globals';
import {
  type Shelter,
  type StaffListeners,
  StaffNotifiers,
  type StaffReply,
  type StaffSend,
  TrackingMode,
} from '@albergue/shelters';
import type { BedsService, ExpiringHold } from './beds.service.js';
import type { BedView } from './bed.views.js';
import { BoardNotifier } from './board.notifier.js';
import type { OccupancyOptions } from './occupancy.options.js';

const SHELTER = 'shelter-a';
const LISTENING: StaffListeners = {
  shelters: [SHELTER],
  boards: [SHELTER],
  health: [],
  services: [],
  network: false,
};

const bed = (id: string, holdId?: string) =>
  ({
    id,
    label: id,
    roomName: 'Dorm',
    kind: 'bed',
    population: 'men',
    accessible: false,
    overflow: false,
    outOfServiceReason: null,
    use: holdId
      ? {
          id: `${holdId}-place`,
          holdId,
          kind: 'hold',
          residentId: null,
          expiresAt: null,
          originShelterId: null,
        }
      : null,
  }) as BedView;

const shelter = (version: number, trackingMode = TrackingMode.BEDS) =>
  ({ id: SHELTER, availabilityVersion: version, trackingMode }) as Shelter;

function setup(boards: BedView[][], expiring: ExpiringHold[][] = []) {
  const beds = {
    board: jest.fn(() => Promise.resolve(boards.shift() ?? [])),
    expiringHolds: jest.fn(() => Promise.resolve(expiring.shift() ?? [])),
  };
  const sent: { to: unknown; event: string; payload: unknown }[] = [];
  const send: StaffSend = (to, event, ...[payload]) => void sent.push({ to, event, payload });
  const reply: StaffReply = (event, ...[payload]) =>
    void sent.push({ to: 'socket', event, payload });
  const sut = new BoardNotifier(
    new StaffNotifiers(),
    beds as unknown as BedsService,
    {
      holdWarningMs: 900_000,
    } as OccupancyOptions,
  );
  return { sut, beds, sent, send, reply };
}

describe(BoardNotifier.name, () => {
  it('announces only the holds that were not on the board last sent', async () => {
    const { sut, sent, send } = setup([
      [bed('b-1', 'h-old'), bed('b-2')],
      [bed('b-1', 'h-old'), bed('b-2', 'h-new')],
    ]);
    await sut.onChange({ shelter: shelter(1), listening: LISTENING, send });
    await sut.onChange({ shelter: shelter(2), listening: LISTENING, send });

    expect(sent.map(({ event }) => event)).toEqual(['board', 'board', 'holdArrived']);
    expect(sent[2]).toMatchObject({
      to: { board: SHELTER },
      payload: { holdId: 'h-new', bedId: 'b-2', shelterId: SHELTER },
    });
  });

  it('announces a hold to the open screens even when a socket connecting first read it', async () => {
    const { sut, sent, send, reply } = setup([
      [bed('b-1'), bed('b-2')],
      [bed('b-1'), bed('b-2', 'h-new')],
      [bed('b-1'), bed('b-2', 'h-new')],
    ]);
    await sut.onChange({ shelter: shelter(1), listening: LISTENING, send });
    await sut.onConnect({ socket: LISTENING, reply, known: () => shelter(2) });
    await sut.onChange({ shelter: shelter(2), listening: LISTENING, send });
    expect(sent.map(({ event }) => event)).toEqual(['board', 'board', 'board', 'holdArrived']);
  });

  it('reads no board for a shelter that counts, or whose board nobody here watches', async () => {
    const { sut, beds, sent, send } = setup([]);
    await sut.onChange({ shelter: shelter(1, TrackingMode.COUNTS), listening: LISTENING, send });
    await sut.onChange({
      shelter: shelter(1),
      listening: { ...LISTENING, boards: [] },
      send,
    });
    expect(beds.board).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('warns once per hold about to lapse, again only if it comes back', async () => {
    const hold: ExpiringHold = {
      holdId: 'h-1',
      bedId: 'b-1',
      shelterId: SHELTER,
      expiresAt: new Date('2026-01-01T10:00:00Z'),
      originShelterId: null,
    };
    const { sut, sent, send } = setup([], [[hold], [hold], [], [hold]]);
    for (let check = 0; check < 4; check += 1) {
      await sut.onCheck({ listening: LISTENING, send });
    }
    expect(sent).toEqual([
      {
        to: { board: SHELTER },
        event: 'holdExpiring',
        payload: { ...hold, expiresAt: '2026-01-01T10:00:00.000Z' },
      },
      {
        to: { board: SHELTER },
        event: 'holdExpiring',
        payload: { ...hold, expiresAt: '2026-01-01T10:00:00.000Z' },
      },
    ]);
  });
});
