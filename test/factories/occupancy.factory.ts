import { randomUUID } from 'node:crypto';
import type { GraphQLClient } from '../helpers/test-app.js';

/**
 * Puts a shelter in beds mode as a coordinator does: one room with `count` bunks for a group (or
 * for each of several), then the switch, which wants beds for every group the shelter serves.
 * Returns the room's id.
 */
export async function bedsAt(
  coordinator: GraphQLClient,
  shelterId: string,
  count: number,
  population: string | string[] = 'MEN',
): Promise<string> {
  const room = await coordinator.gql<{ createRoom: { id: string } }>(
    'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
    { input: { requestId: randomUUID(), shelterId, name: 'Dormitorio' } },
  );
  if (!room.data) {
    throw new Error(`createRoom failed: ${JSON.stringify(room.errors)}`);
  }
  for (const group of Array.isArray(population) ? population : [population]) {
    const beds = await coordinator.gql(
      'mutation($input: AddBedsInput!) { addBeds(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          roomId: room.data.createRoom.id,
          count,
          kind: 'BUNK',
          population: group,
        },
      },
    );
    if (beds.errors) {
      throw new Error(`addBeds failed: ${JSON.stringify(beds.errors)}`);
    }
  }
  await switchToBedsMode(coordinator, shelterId);
  return room.data.createRoom.id;
}

/** The coordinator's switch to beds mode, after the rooms and beds are set up. */
export async function switchToBedsMode(
  coordinator: GraphQLClient,
  shelterId: string,
): Promise<void> {
  const switched = await coordinator.gql(
    'mutation($input: BedsModeInput!) { switchToBedsMode(input: $input) { id trackingMode } }',
    { input: { requestId: randomUUID(), shelterId } },
  );
  if (switched.errors) {
    throw new Error(`switchToBedsMode failed: ${JSON.stringify(switched.errors)}`);
  }
}
