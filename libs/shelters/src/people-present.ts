import type { EntityManager } from 'typeorm';
import { TrackingMode } from './shelters.enums.js';

/** How many people a shelter holds now, by its own figures, and how old they are. */
export interface PeoplePresent {
  shelterId: string;
  people: number;
  /** BEDS: taken from beds, holds and stays (live); COUNTS: what staff last reported. */
  mode: TrackingMode;
  /** When the figures were last confirmed (null: never reported, counted as full). */
  asOf: Date | null;
}

/**
 * The people present at each shelter, from the one table maps read too (shelter_capacity): the
 * places taken, regular and overflow, of every group. In beds mode the occupancy engine keeps it
 * (a held bed counts: its person is on the way and will eat); in counts mode it is the staff's
 * last report, and a shelter never reported reads full (its free places start at zero), which
 * errs towards too few days of food rather than too many. Shelters unknown are left out.
 */
export async function peoplePresent(
  manager: Pick<EntityManager, 'query'>,
  shelterIds: readonly string[],
): Promise<Map<string, PeoplePresent>> {
  const rows = await manager.query<
    { id: string; mode: TrackingMode; as_of: Date | null; people: number }[]
  >(
    `SELECT s.id, s.tracking_mode AS mode, s.availability_confirmed_at AS as_of,
            coalesce(sum(c.total_beds - c.free_beds + c.overflow_total - c.overflow_free), 0)::int
              AS people
       FROM shelter s
       LEFT JOIN shelter_capacity c ON c.shelter_id = s.id
      WHERE s.id = ANY($1::uuid[])
      GROUP BY s.id`,
    [shelterIds],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { shelterId: row.id, people: row.people, mode: row.mode, asOf: row.as_of },
    ]),
  );
}
