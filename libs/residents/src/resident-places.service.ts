import { AuditOutcome, AuditService } from '@albergue/audit';
import type { Caller } from '@albergue/common';
import type { Population } from '@albergue/shelters';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { ResidentAccess } from './resident-access.js';
import { ResidentMoves } from './resident-moves.js';
import { ResidentEventKind } from './resident-event.entity.js';
import { recordHistory } from './resident-history.js';
import { ResidentSealer } from './resident-sealer.js';
import { Resident } from './resident.entity.js';
import { ResidentsException, ResidentsExceptionCode } from './residents.exception.js';

/**
 * All the occupancy lib learns of a person it gives a bed: who, which group's beds, and what
 * keeps a household together (the household, the guardian, whether a minor). `label` is what
 * staff may be shown of them in an error: their place in the household, never a sealed value.
 */
export interface PlaceableResident {
  id: string;
  population: Population;
  householdId: string;
  guardianId: string | null;
  minor: boolean;
  label: string;
}

const PLACEABLE = {
  id: true,
  population: true,
  householdId: true,
  guardianId: true,
  minor: true,
  position: true,
} as const;

/** A staff-visible label with nothing sealed in it: "household member 2 (minor)". */
export function residentLabel(resident: { position: number; minor: boolean }): string {
  return `household member ${resident.position + 1}${resident.minor ? ' (minor)' : ''}`;
}

function placeableOf(resident: Resident): PlaceableResident {
  return {
    id: resident.id,
    population: resident.population,
    householdId: resident.householdId,
    guardianId: resident.guardianId,
    minor: resident.minor,
    label: residentLabel(resident),
  };
}

/**
 * Where residents are registered, for the libs that place them (occupancy): who is registered
 * at a shelter, and their arrival at another. The methods that take an EntityManager run in the
 * caller's transaction and take no row lock beyond what their statement takes.
 */
@Injectable()
export class ResidentPlacesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: ResidentSealer,
    private readonly audit: AuditService,
    private readonly access: ResidentAccess,
    private readonly moves: ResidentMoves,
  ) {}

  /**
   * A transfer parted a guardian and a minor on purpose: each of them keeps it in their history
   * (from and to shelters, who, when, the reason sealed), and the audit log says so by ids, in
   * the transfer's transaction.
   */
  async recordSeparation(
    manager: EntityManager,
    entry: {
      residentIds: string[];
      fromShelterId: string;
      toShelterId: string;
      byUserId: string;
      reason: string;
    },
  ): Promise<void> {
    for (const residentId of entry.residentIds) {
      await recordHistory(manager, this.sealer, {
        residentId,
        kind: ResidentEventKind.SEPARATION,
        from: entry.fromShelterId,
        to: entry.toShelterId,
        byUserId: entry.byUserId,
        override: true,
        reason: entry.reason,
      });
    }
    await this.audit.recordMany(
      entry.residentIds.map((id) => ({
        action: 'transfer.separationOverride',
        outcome: AuditOutcome.SUCCEEDED,
        actorId: entry.byUserId,
        targetType: 'resident',
        targetId: id,
        shelterId: entry.fromShelterId,
      })),
      manager,
    );
  }

  /**
   * For a lib that shows part of a person's record (occupancy: their stays), after the guard's
   * `resident.view` scope: audits the read as this lib's own reads are (one row, ids and purpose).
   */
  async recordRead(caller: Caller, residentId: string, purpose: string): Promise<void> {
    const resident = await this.dataSource
      .getRepository(Resident)
      .findOne({ where: { id: residentId }, select: { id: true, currentShelterId: true } });
    if (!resident) {
      throw new ResidentsException(
        'No resident has this id.',
        ResidentsExceptionCode.RESIDENT_NOT_FOUND,
        ['residentId'],
      );
    }
    await this.access.recordReads(caller, [resident], purpose);
  }

  /** The people of `ids` registered now at one of `shelterIds`, not anonymised; fewer when some are not. */
  async registeredAt(
    manager: EntityManager,
    ids: string[],
    shelterIds: string[],
  ): Promise<PlaceableResident[]> {
    const residents = await manager.find(Resident, {
      select: PLACEABLE,
      where: { id: In(ids), currentShelterId: In(shelterIds), anonymisedAt: IsNull() },
    });
    return residents.map(placeableOf);
  }

  /** One person, wherever they are registered. */
  async placeable(manager: EntityManager, id: string): Promise<PlaceableResident> {
    return placeableOf(await manager.findOneOrFail(Resident, { select: PLACEABLE, where: { id } }));
  }

  /**
   * Everyone on record (not anonymised) in the households of `householdIds`, wherever they are,
   * in the household's order: who a transfer would move or leave behind.
   */
  async households(manager: EntityManager, householdIds: string[]): Promise<PlaceableResident[]> {
    const residents = await manager.find(Resident, {
      select: PLACEABLE,
      where: { householdId: In(householdIds), anonymisedAt: IsNull() },
      order: { householdId: 'ASC', position: 'ASC', id: 'ASC' },
    });
    return residents.map(placeableOf);
  }

  /**
   * Arrived from another shelter: `shelterId` is their shelter now, and staff of the one they
   * left keep access for PREVIOUS_SHELTER_ACCESS. Libs registered on ResidentMoves hear of it.
   */
  async arrived(
    manager: EntityManager,
    ids: string[],
    shelterId: string,
    fromShelterId: string,
    byUserId: string,
  ): Promise<void> {
    await manager.update(
      Resident,
      { id: In(ids) },
      { currentShelterId: shelterId, previousShelterId: fromShelterId, leftPreviousAt: new Date() },
    );
    await this.moves.moved(manager, ids, shelterId, fromShelterId, byUserId);
  }

  /** The shelter where the person is registered now: none when no record has this id. */
  async currentShelter(id: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ s: string }[]>(
      'SELECT current_shelter_id AS s FROM resident WHERE id = $1',
      [id],
    );
    return rows.map((row) => row.s);
  }
}
