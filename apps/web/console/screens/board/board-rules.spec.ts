import { describe, expect, it } from '@jest/globals';
import { ApiErrorCode, type BoardBed } from '@albergue/contracts';
import { canAct, changedHands, conflictOf } from './board-rules.js';

const bed = (overrides: Partial<BoardBed> = {}): BoardBed => ({
  id: 'b',
  label: 'Dorm-1',
  roomName: 'Dorm',
  kind: 'BUNK',
  population: 'MEN',
  accessible: false,
  overflow: false,
  outOfServiceReason: null,
  use: null,
  ...overrides,
});
const occupied = bed({
  use: {
    id: 's',
    holdId: null,
    kind: 'stay',
    residentId: 'r',
    expiresAt: null,
    originShelterId: null,
  },
});
const held = bed({
  use: {
    id: 'h',
    holdId: 'g',
    kind: 'hold',
    residentId: null,
    expiresAt: '2026-11-29T22:00:00.000Z',
    originShelterId: null,
  },
});

describe('what the board offers each role', () => {
  it('offers volunteers the person in a bed only', () => {
    expect(canAct('VOLUNTEER', occupied)).toBe(true);
    expect(canAct('VOLUNTEER', bed())).toBe(false);
    expect(canAct('VOLUNTEER', bed({ outOfServiceReason: 'Goteras' }))).toBe(false);
    expect(canAct('VOLUNTEER', held)).toBe(false);
  });

  it('offers coordinators out of service and back as well', () => {
    expect(canAct('COORDINATOR', occupied)).toBe(true);
    expect(canAct('COORDINATOR', bed())).toBe(true);
    expect(canAct('COORDINATOR', bed({ outOfServiceReason: 'Goteras' }))).toBe(true);
    expect(canAct('COORDINATOR', held)).toBe(false);
  });

  it('offers nothing to other roles', () => {
    expect(canAct('HEALTH_WORKER', occupied)).toBe(false);
    expect(canAct(undefined, bed())).toBe(false);
  });
});

describe('a refusal because the board moved on', () => {
  it('tells a bed taken meanwhile from a person no longer in it', () => {
    expect(conflictOf({ code: ApiErrorCode.CONFLICT, message: 'taken', reason: 'BED_TAKEN' })).toBe(
      'board.conflict',
    );
    expect(
      conflictOf({ code: ApiErrorCode.CONFLICT, message: 'gone', reason: 'NOT_CHECKED_IN' }),
    ).toBe('board.gone');
  });

  it('leaves other refusals and no answer to the plain error', () => {
    expect(conflictOf(undefined)).toBeUndefined();
    expect(conflictOf({ code: 'NETWORK', message: 'offline' })).toBeUndefined();
    expect(conflictOf({ code: ApiErrorCode.FORBIDDEN, message: 'no' })).toBeUndefined();
    expect(
      conflictOf({ code: ApiErrorCode.BAD_USER_INPUT, message: 'bad', reason: 'WRONG_ID' }),
    ).toBeUndefined();
  });
});

describe('changedHands', () => {
  const opened = { bedId: 'b', useId: 's', residentId: 'r' };
  const other = (id: string, residentId: string) =>
    bed({ use: { ...occupied.use!, id, residentId } });

  it('is false with nothing open, or the board not read yet', () => {
    expect(changedHands(undefined, [occupied])).toBe(false);
    expect(changedHands(opened, null)).toBe(false);
  });

  it('is false while the bed is held by what held it when opened', () => {
    expect(changedHands(opened, [occupied])).toBe(false);
    expect(changedHands({ bedId: 'b', useId: null, residentId: null }, [bed()])).toBe(false);
  });

  it('is true once the person is out, someone else is in, or the bed is gone', () => {
    expect(changedHands(opened, [bed()])).toBe(true);
    expect(changedHands(opened, [other('s2', 'r2')])).toBe(true);
    // The same person back in the bed is a new stay: the actions were opened on the old one.
    expect(changedHands(opened, [other('s2', 'r')])).toBe(true);
    expect(changedHands({ bedId: 'b', useId: null, residentId: null }, [held])).toBe(true);
    expect(changedHands(opened, [bed({ id: 'c' })])).toBe(true);
  });
});
