import { Population } from '@albergue/shelters';
import { type FreeBed, pickBeds, type Placement } from './bed-picker.js';

const bed = (id: string, roomId: string, population = Population.FAMILIES): FreeBed => ({
  id,
  roomId,
  population,
});
const person = (population = Population.FAMILIES): Placement => ({ residentId: null, population });

describe(pickBeds.name, () => {
  it('keeps a household in one room when a room has room for everyone', () => {
    const free = [bed('a1', 'A'), bed('b1', 'B'), bed('b2', 'B'), bed('b3', 'B')];
    expect(pickBeds(free, [person(), person(), person()])).toEqual(['b1', 'b2', 'b3']);
  });

  it('takes the first room in the beds’ order that fits, regular beds before overflow', () => {
    const free = [bed('a1', 'A'), bed('a2', 'A'), bed('b1', 'B'), bed('b2', 'B')];
    expect(pickBeds(free, [person(), person()])).toEqual(['a1', 'a2']);
  });

  it('spreads the household over rooms only when no room fits it', () => {
    const free = [bed('a1', 'A'), bed('b1', 'B')];
    expect(pickBeds(free, [person(), person()])).toEqual(['a1', 'b1']);
  });

  it('puts each person on a bed of their group, never of another', () => {
    const free = [bed('m1', 'A', Population.MEN), bed('w1', 'A', Population.WOMEN)];
    expect(pickBeds(free, [person(Population.WOMEN), person(Population.MEN)])).toEqual([
      'w1',
      'm1',
    ]);
    expect(pickBeds(free, [person(Population.WOMEN), person(Population.WOMEN)])).toBeNull();
  });

  it('gives nothing rather than part of a household', () => {
    expect(pickBeds([bed('a1', 'A')], [person(), person()])).toBeNull();
    expect(pickBeds([], [person()])).toBeNull();
  });
});
