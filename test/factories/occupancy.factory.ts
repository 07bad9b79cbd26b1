import { randomUUID } from 'node:crypto';
import type { GraphQLClient } from '../helpers/test-app.js';

/** Puts a shelter in beds mode as a coordinator does: one room with `count` bunks for a group. Returns the room's id. */
export async function bedsAt(
  coordinator: GraphQLClient,
  shelterId: string,
  count: number,
  population = 'MEN',
): Promise<string> {
  const room = await coordinator.gql<{ createRoom: { id: string } }>(
    'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
    { input: { requestId: randomUUID(), shelterId, name: 'Dormitorio' } },
  );
  if (!room.data) {
    throw new Error(`createRoom failed: ${JSON.stringify(room.errors)}`);
  }
  const beds = await coordinator.gql(
    'mutation($input: AddBedsInput!) { addBeds(input: $input) { id } }',
    {
      input: {
        requestId: randomUUID(),
        roomId: room.data.createRoom.id,
        count,
        kind: 'BUNK',
        population,
      },
    },
  );
  if (beds.errors) {
    throw new Error(`addBeds failed: ${JSON.stringify(beds.errors)}`);
  }
  return room.data.createRoom.id;
}
