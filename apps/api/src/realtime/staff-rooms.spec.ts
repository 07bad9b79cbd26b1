import { type Actor, Role } from '@albergue/common';
import { listenersOf, roomsOf } from './staff.gateway.js';

const actor = (over: Partial<Actor>): Actor =>
  ({
    userId: 'u-1',
    sessionId: 'session-1',
    networkRole: null,
    memberships: new Map(),
    services: new Set(),
    ...over,
  }) as Actor;

describe('/staff rooms of an actor', () => {
  it('puts health workers and coordinators in their shelter’s health room, not volunteers', () => {
    const listeners = listenersOf(
      actor({
        memberships: new Map([
          ['a', Role.HEALTH_WORKER],
          ['b', Role.COORDINATOR],
          ['c', Role.VOLUNTEER],
        ]),
      }),
    );
    expect(listeners).toEqual({
      shelters: ['a', 'b', 'c'],
      boards: ['b', 'c'],
      health: ['a', 'b'],
      services: [],
      network: false,
    });
    expect(roomsOf(listeners)).toEqual([
      'shelter:a',
      'shelter:b',
      'shelter:c',
      'board:b',
      'board:c',
      'health:a',
      'health:b',
    ]);
  });

  it('puts service staff in a room per service they staff, and nothing else', () => {
    const listeners = listenersOf(actor({ services: new Set(['h-1', 'h-2']) }));
    expect(roomsOf(listeners)).toEqual(['service:h-1', 'service:h-2']);
  });

  it('keeps network roles out of health and service rooms', () => {
    expect(roomsOf(listenersOf(actor({ networkRole: Role.ADMIN } as Partial<Actor>)))).toEqual([
      'network',
    ]);
  });
});
