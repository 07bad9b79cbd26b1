import { type Caller, Role } from '@albergue/common';

/** The demo coordinator as the services see a request: coordinator of `shelterIds`. */
export function demoCoordinator(userId: string, shelterIds: string[]): Caller {
  return {
    actor: {
      userId,
      sessionId: 'demo',
      networkRole: null,
      memberships: new Map(shelterIds.map((id) => [id, Role.COORDINATOR])),
      services: new Set(),
    },
    ip: 'demo',
    requestId: 'demo',
  };
}
