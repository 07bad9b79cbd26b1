import { randomUUID } from 'node:crypto';
import { adult, householdInput, REGISTER } from '../factories/resident.factory.js';
import type { GraphQLClient } from './test-app.js';

/**
 * People on the way: `names` registered as one household at `fromShelterId`, checked in there,
 * and transferred to `toShelterId` by a coordinator of both ends' origin, as a transfer is made.
 * Both shelters in beds mode, with beds for the group.
 */
export async function sendOver(
  coordinator: GraphQLClient,
  fromShelterId: string,
  toShelterId: string,
  names: string[],
  population = 'MEN',
): Promise<{ holdId: string; residentIds: string[] }> {
  const registered = await coordinator.gql<{
    registerHousehold: { members: { id: string }[] };
  }>(REGISTER, {
    input: householdInput(
      fromShelterId,
      names.map((name) => adult(name, { population })),
      // Specs name people alike ("Persona Uno", "Persona Dos"): not the duplicate check's business.
      { confirmNew: true },
    ),
  });
  if (!registered.data) {
    throw new Error(`registerHousehold failed: ${JSON.stringify(registered.errors)}`);
  }
  const residentIds = registered.data.registerHousehold.members.map((member) => member.id);
  const checkedIn = await coordinator.gql(
    'mutation($input: CheckInInput!) { checkIn(input: $input) { id } }',
    { input: { requestId: randomUUID(), shelterId: fromShelterId, residentIds } },
  );
  if (checkedIn.errors) {
    throw new Error(`checkIn failed: ${JSON.stringify(checkedIn.errors)}`);
  }
  const sent = await coordinator.gql<{ transfer: { holdId: string }[] }>(
    'mutation($input: TransferInput!) { transfer(input: $input) { holdId } }',
    {
      input: { requestId: randomUUID(), fromShelterId, toShelterId, residentIds },
    },
  );
  if (!sent.data) {
    throw new Error(`transfer failed: ${JSON.stringify(sent.errors)}`);
  }
  return { holdId: sent.data.transfer[0].holdId, residentIds };
}
