import type { EntityManager } from 'typeorm';
import { Shelter } from './shelter.entity.js';
import { SheltersException, SheltersExceptionCode } from './shelters.exception.js';

/**
 * Every change to a shelter's figures takes its row lock first, then touches capacity rows:
 * one order everywhere, so concurrent changes queue instead of deadlocking or losing an update.
 */
export async function lockShelter(
  manager: EntityManager,
  id: string,
  field = 'id',
): Promise<Shelter> {
  const shelter = await manager.findOne(Shelter, {
    where: { id },
    lock: { mode: 'pessimistic_write' },
  });
  if (!shelter) {
    throw new SheltersException(
      'No shelter has this id.',
      SheltersExceptionCode.SHELTER_NOT_FOUND,
      [field],
    );
  }
  return shelter;
}
