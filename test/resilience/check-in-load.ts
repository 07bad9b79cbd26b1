import { randomUUID } from 'node:crypto';
import { adult, householdInput } from '../factories/resident.factory.js';
import { bedsAt } from '../factories/occupancy.factory.js';
import { shelterFor } from '../factories/shelter.factory.js';
import { staffAt } from '../factories/staff.factory.js';
import { connect, type TestSocket } from '../helpers/sockets.js';
import type { SignedIn, TestApp } from '../helpers/test-app.js';

/** Refusals that are answers, not faults: the request must not be retried. */
export const DEFINITIVE = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);

export interface Outcome {
  ok: boolean;
  /** The fault codes (or transport errors) met on the way, each followed by a retry. */
  retried: string[];
  /** When the attempt that got the final answer was sent, and when that answer came. */
  sentAt: number;
  at: number;
}

/**
 * Sends one act, retrying it with the same input (so the same requestId) every 100 ms until the
 * API answers it for good, or, past `deadline`, gives up (retried ends with GAVE_UP).
 */
export async function untilAnswered(
  client: SignedIn,
  query: string,
  input: Record<string, unknown>,
  deadline = Infinity,
): Promise<Outcome> {
  const retried: string[] = [];
  for (;;) {
    const sentAt = Date.now();
    try {
      const result = await client.gql(query, { input });
      if (!result.errors) {
        return { ok: true, retried, sentAt, at: Date.now() };
      }
      const code = result.errors[0].extensions.code;
      if (DEFINITIVE.has(code)) {
        return { ok: false, retried, sentAt, at: Date.now() };
      }
      retried.push(code);
    } catch (error) {
      retried.push(error instanceof Error ? error.message : 'error');
    }
    if (Date.now() > deadline) {
      retried.push('GAVE_UP');
      return { ok: false, retried, sentAt, at: Date.now() };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `workers` households of `perWorker` men each, registered at the shelter: one per load worker. */
export async function loadWorkers(
  coordinator: SignedIn,
  shelterId: string,
  workers: number,
  perWorker: number,
): Promise<string[][]> {
  const people: string[][] = [];
  for (let worker = 0; worker < workers; worker += 1) {
    const registered = await coordinator.gql<{
      registerHousehold: { members: { id: string }[] };
    }>(
      'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { members { id } } }',
      {
        input: householdInput(
          shelterId,
          Array.from({ length: perWorker }, (_, i) =>
            adult(`Persona ${worker}-${i}`, { population: 'MEN' }),
          ),
          // "Persona 0-1" and "Persona 1-1" look alike to the duplicate check: they are load.
          { legalBasis: { basis: 'VITAL_INTEREST', explainedIn: 'es' }, confirmNew: true },
        ),
      },
    );
    people.push(registered.data!.registerHousehold.members.map((m) => m.id));
  }
  return people;
}

export interface LoadOutcome extends Outcome {
  residentId: string;
}

/**
 * Each worker checks its people in and out, one at a time, while `going()`: every act retried
 * with its requestId until answered (untilAnswered), a check-out only after a check-in that
 * was acknowledged.
 */
export async function checkInsAndOuts(
  client: SignedIn,
  shelterId: string,
  people: string[][],
  going: () => boolean,
  deadline = Infinity,
): Promise<{ checkIns: LoadOutcome[]; checkOuts: LoadOutcome[] }> {
  const checkIns: LoadOutcome[] = [];
  const checkOuts: LoadOutcome[] = [];
  await Promise.all(
    people.map(async (mine) => {
      for (let turn = 0; going(); turn += 1) {
        const residentId = mine[turn % mine.length];
        const checkIn = await untilAnswered(
          client,
          'mutation($input: CheckInInput!) { checkIn(input: $input) { id } }',
          { requestId: randomUUID(), shelterId, residentIds: [residentId] },
          deadline,
        );
        checkIns.push({ ...checkIn, residentId });
        if (checkIn.ok) {
          const checkOut = await untilAnswered(
            client,
            'mutation($input: CheckOutInput!) { checkOut(input: $input) { id } }',
            { requestId: randomUUID(), residentId },
            deadline,
          );
          checkOuts.push({ ...checkOut, residentId });
        }
      }
    }),
  );
  return { checkIns, checkOuts };
}

/**
 * What a load needs on a started app: a shelter with `beds` beds for men, its coordinator signed
 * in, and a public map watching the whole network.
 */
export async function loadSetting(
  app: TestApp,
  beds: number,
): Promise<{ coordinator: SignedIn; shelterId: string; map: TestSocket }> {
  const shelterId = await shelterFor(app, { populations: ['MEN'] });
  const coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
  await bedsAt(coordinator, shelterId, beds);
  const map = await connect(app.url, '/public');
  await map.emit('watch', { areas: ['*'] });
  return { coordinator, shelterId, map };
}
