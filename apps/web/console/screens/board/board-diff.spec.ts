import { describe, expect, it } from '@jest/globals';
import type { BoardBed } from '@albergue/contracts';
import { bedState, diffBoard, initials, roomsOf, sameBed } from './board-diff.js';

const bed = (id: string, overrides: Partial<BoardBed> = {}): BoardBed => ({
  id,
  label: id.toUpperCase(),
  roomName: 'Dormitorio 1',
  kind: 'BUNK',
  population: 'MEN',
  accessible: false,
  overflow: false,
  outOfServiceReason: null,
  use: null,
  ...overrides,
});

const stay = (residentId: string): BoardBed['use'] => ({
  id: `stay-${residentId}`,
  holdId: null,
  kind: 'stay',
  residentId,
  expiresAt: null,
  originShelterId: null,
});

describe('the bed board diff', () => {
  it('tells each bed’s state in words, a hold or stay before a reason', () => {
    expect(bedState(bed('a'))).toBe('free');
    expect(bedState(bed('a', { use: stay('r1') }))).toBe('occupied');
    expect(
      bedState(
        bed('a', {
          use: {
            id: 'h',
            holdId: 'g',
            kind: 'hold',
            residentId: null,
            expiresAt: '2026-11-29T20:00:00.000Z',
            originShelterId: null,
          },
        }),
      ),
    ).toBe('held');
    expect(bedState(bed('a', { outOfServiceReason: 'Colchón roto' }))).toBe('outOfService');
  });

  it('names only the beds that changed, and keeps the others as they were', () => {
    const before = [bed('a', { use: stay('r1') }), bed('b'), bed('c')];
    const after = [bed('a'), bed('b'), bed('c', { outOfServiceReason: 'Goteras' })];
    const diff = diffBoard(before, after);
    expect(diff.changed).toEqual(['a', 'c']);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    // Unchanged rows keep their object: a memoised row does not repaint.
    expect(diff.beds[1]).toBe(before[1]);
    expect(diff.beds[0]).toBe(after[0]);
    expect(diff.beds[2]).toBe(after[2]);
  });

  it('answers the same array when nothing changed', () => {
    const before = [bed('a', { use: stay('r1') }), bed('b')];
    const diff = diffBoard(before, [bed('a', { use: stay('r1') }), bed('b')]);
    expect(diff.changed).toEqual([]);
    expect(diff.beds).toBe(before);
  });

  it('sees a person moved from one bed to another as two changed beds', () => {
    const before = [bed('a', { use: stay('r1') }), bed('b')];
    const diff = diffBoard(before, [bed('a'), bed('b', { use: stay('r1') })]);
    expect(diff.changed).toEqual(['a', 'b']);
  });

  it('sees beds added and removed, and a first reading as all added', () => {
    const before = [bed('a'), bed('b')];
    const diff = diffBoard(before, [bed('a'), bed('c')]);
    expect(diff.added).toEqual(['c']);
    expect(diff.removed).toEqual(['b']);
    expect(diffBoard(null, before).added).toEqual(['a', 'b']);
  });

  it('compares every field a row shows or acts on', () => {
    const base = bed('a', { use: stay('r1') });
    expect(sameBed(base, bed('a', { use: stay('r1') }))).toBe(true);
    expect(sameBed(base, bed('a', { use: stay('r2') }))).toBe(false);
    expect(sameBed(base, bed('a', { use: stay('r1'), label: 'Z' }))).toBe(false);
    expect(sameBed(base, bed('a', { use: stay('r1'), accessible: true }))).toBe(false);
    expect(sameBed(bed('a'), bed('a', { use: stay('r1') }))).toBe(false);
  });

  it('groups beds by room in the board’s order', () => {
    const rooms = roomsOf([
      bed('a', { roomName: 'A' }),
      bed('b', { roomName: 'A' }),
      bed('c', { roomName: 'B' }),
    ]);
    expect(rooms.map((room) => [room.name, room.beds.map((each) => each.id)])).toEqual([
      ['A', ['a', 'b']],
      ['B', ['c']],
    ]);
  });

  it('cuts a name to its initials', () => {
    expect(initials('María José Pérez')).toBe('M. J. P.');
    expect(initials('  élodie   jean ')).toBe('É. J.');
    expect(initials('Tito')).toBe('T.');
    expect(initials(null)).toBe('');
  });
});
