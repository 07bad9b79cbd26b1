import { describe, expect, it } from '@jest/globals';
import { aboutAct } from './about.js';

describe(aboutAct.name, () => {
  it('names the people of a queued registration, as recorded, and its chosen beds', () => {
    expect(
      aboutAct({
        variables: {
          input: {
            requestId: 'r',
            shelterId: 's',
            members: [{ name: ' María José Pérez ' }, { name: 'Tito' }],
            bedIds: ['b1', 'b2'],
          },
        },
      }),
    ).toEqual({ shelterId: 's', names: ['María José Pérez', 'Tito'], bedIds: ['b1', 'b2'] });
  });

  it('counts the people of a hold received and of a check-out', () => {
    expect(
      aboutAct({ variables: { input: { shelterId: 's', holdId: 'h', residentIds: ['a', 'b'] } } }),
    ).toEqual({ shelterId: 's', people: 2 });
    expect(aboutAct({ variables: { input: { residentId: 'a' } } })).toEqual({ people: 1 });
  });

  it('names the person met at a field visit of a queued referral by the alias they gave', () => {
    expect(
      aboutAct({
        variables: {
          input: {
            shelterId: 's',
            reason: 'fiebre',
            person: { alias: ' Wilner ', ageBracket: 'ADULT' },
          },
        },
      }),
    ).toEqual({ shelterId: 's', names: ['Wilner'] });
  });

  it('gives the count and group of a turnaway', () => {
    expect(
      aboutAct({
        variables: {
          input: { shelterId: 's', count: 3, population: 'FAMILIES', reason: 'NO_SPACE' },
        },
      }),
    ).toEqual({ shelterId: 's', people: 3, population: 'FAMILIES' });
  });

  it('reads variables without an input (a confirmation of the counts)', () => {
    expect(aboutAct({ variables: { shelterId: 's', knownVersion: 3 } })).toEqual({
      shelterId: 's',
    });
  });
});
