import {
  type Actor,
  type ClusterJob,
  ClusterJobs,
  IdempotencyService,
  type JobOutcome,
  Role,
} from '@albergue/common';
import type { StaleReportDetails } from '@albergue/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  ConfirmAvailabilityArgs,
  ReportAvailabilityInput,
} from './dto/report-availability.input.js';
import { AvailabilityReportKind } from './availability-report.entity.js';
import { figuresOf } from './shelter-figures.notifier.js';
import { ShelterCapacity } from './shelter-capacity.entity.js';
import { lockShelter } from './shelter-lock.js';
import { ShelterSearchService } from './shelter-search.service.js';
import { Shelter } from './shelter.entity.js';
import type { CapacityFigures } from './availability.js';
import { AvailabilityOutbox } from './availability-outbox.entity.js';
import { ProblemReportsService } from './problem-reports.service.js';
import { TrackingMode } from './shelters.enums.js';
import { SheltersException, SheltersExceptionCode } from './shelters.exception.js';
import { SHELTERS_OPTIONS, type SheltersOptions } from './shelters.options.js';

/** The PostgreSQL notification channel of public changes: payload {shelterId, version}, sent on commit. */
export const AVAILABILITY_CHANNEL = 'albergue_availability';

const OUTBOX_RETENTION: ClusterJob = { name: 'outbox-retention', everyMs: 3_600_000 };

@Injectable()
export class AvailabilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly search: ShelterSearchService,
    @Inject(SHELTERS_OPTIONS) private readonly options: SheltersOptions,
    private readonly jobs: ClusterJobs,
    private readonly problemReports: ProblemReportsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * Counts mode: staff say how many places are free now, per group, as they see them; places held
   * for people on the way are kept apart (published free = reported − held, never below 0). From a coordinator of the
   * shelter, it also answers the flag that a burst of problem reports raised. Once per requestId
   * (a retry answers the shelter and acts no more), and only on the figures the reporter saw
   * (refuseIfMoved).
   */
  async report(input: ReportAvailabilityInput, actor?: Actor): Promise<Shelter> {
    const { id } = await this.idempotency.run('reportAvailability', input, async (manager) => {
      const shelter = await lockShelter(manager, input.shelterId, 'input.shelterId');
      if (shelter.trackingMode === TrackingMode.BEDS) {
        throw new SheltersException(
          'This shelter counts its beds one by one: its figures follow check-ins and check-outs. Confirm them instead.',
          SheltersExceptionCode.COUNTS_MODE_ONLY,
          ['input.shelterId'],
        );
      }
      await this.refuseIfMoved(manager, shelter, input.knownVersion, 'input.knownVersion');
      const current = await manager.findBy(ShelterCapacity, { shelterId: input.shelterId });
      const served = new Map(current.map((row) => [row.population, row]));
      const seen = new Set<string>();
      input.counts.forEach((count, index) => {
        const field = `input.counts.${index}`;
        const row = served.get(count.population);
        if (seen.has(count.population)) {
          throw new SheltersException(
            'Each population may appear once.',
            SheltersExceptionCode.DUPLICATE_POPULATION,
            [`${field}.population`],
          );
        }
        seen.add(count.population);
        if (!row) {
          throw new SheltersException(
            'This shelter does not serve this population.',
            SheltersExceptionCode.POPULATION_NOT_SERVED,
            [`${field}.population`],
          );
        }
        if (count.freeBeds > row.totalBeds) {
          throw new SheltersException(
            'freeBeds cannot exceed the declared beds.',
            SheltersExceptionCode.FREE_EXCEEDS_TOTAL,
            [`${field}.freeBeds`],
          );
        }
        if ((count.overflowFree ?? 0) > row.overflowTotal) {
          throw new SheltersException(
            'overflowFree cannot exceed the declared overflow places.',
            SheltersExceptionCode.FREE_EXCEEDS_TOTAL,
            [`${field}.overflowFree`],
          );
        }
      });
      // The places physically free now include those held for people on the way: those stay
      // kept apart (CountsPlacesService), so the public sees the rest.
      for (const count of input.counts) {
        await manager.query(
          `UPDATE shelter_capacity SET free_beds = greatest(0, $3::int - held), overflow_free = $4
            WHERE shelter_id = $1 AND population = $2`,
          [input.shelterId, count.population, count.freeBeds, count.overflowFree ?? 0],
        );
      }
      await this.reviewedBy(actor, manager, input.shelterId);
      await this.recordChange(manager, input.shelterId, { confirmed: true });
      await this.keep(manager, input.shelterId, AvailabilityReportKind.REPORT, actor);
      return input.shelterId;
    });
    return this.search.get(id);
  }

  /**
   * Staff say the figures still hold, so that a quiet shelter does not turn UNKNOWN; as `report`,
   * a coordinator's confirmation answers a flag, acts once per requestId and only on the figures
   * the confirmer saw.
   */
  async confirm(args: ConfirmAvailabilityArgs, actor?: Actor): Promise<Shelter> {
    const { id } = await this.idempotency.run('confirmAvailability', args, async (manager) => {
      const shelter = await lockShelter(manager, args.shelterId, 'shelterId');
      await this.refuseIfMoved(manager, shelter, args.knownVersion, 'knownVersion');
      await this.reviewedBy(actor, manager, args.shelterId);
      await this.recordChange(manager, args.shelterId, { confirmed: true });
      await this.keep(manager, args.shelterId, AvailabilityReportKind.CONFIRM, actor);
      return args.shelterId;
    });
    return this.search.get(id);
  }

  /**
   * What "older" means: the shelter's version moved since the one the reporter read, whatever
   * moved it: another report or confirmation, a hold placed from another shelter, a status
   * change, a check-in. The reporter could not have counted what they had not seen, so a report
   * on older figures is never applied, even where it might have been harmless: nothing changes,
   * and the CONFLICT carries the current figures (and version) for them to check and send again.
   * The simplest rule that never lets a queued or concurrent report overwrite a newer state.
   * Caller holds the shelter's lock, so the version cannot move between this check and the write.
   */
  private async refuseIfMoved(
    manager: EntityManager,
    shelter: Shelter,
    knownVersion: number,
    field: string,
  ): Promise<void> {
    if (knownVersion === shelter.availabilityVersion) {
      return;
    }
    if (knownVersion > shelter.availabilityVersion) {
      throw new SheltersException(
        'knownVersion is ahead of this shelter’s figures: send the availabilityVersion you last read.',
        SheltersExceptionCode.VERSION_AHEAD,
        [field],
      );
    }
    const details = {
      current: figuresOf(await this.search.get(shelter.id, manager)),
    } satisfies StaleReportDetails;
    throw new SheltersException(
      'The figures changed since you read them: nothing was saved. Check the current figures in extensions.details.current and send again with their version.',
      SheltersExceptionCode.STALE_REPORT,
      [field],
      details,
    );
  }

  /** The counts history's row for this act: the figures as they stand now, in its transaction. */
  private async keep(
    manager: EntityManager,
    shelterId: string,
    kind: AvailabilityReportKind,
    actor: Actor | undefined,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO availability_report (shelter_id, by_user_id, kind, version, counts)
       SELECT s.id, $2, $3, s.availability_version,
              coalesce((SELECT jsonb_agg(jsonb_build_object('population', c.population,
                 'totalBeds', c.total_beds, 'freeBeds', c.free_beds,
                 'overflowTotal', c.overflow_total, 'overflowFree', c.overflow_free) ORDER BY c.population)
                FROM shelter_capacity c WHERE c.shelter_id = s.id), '[]'::jsonb)
         FROM shelter s WHERE s.id = $1`,
      [shelterId, actor?.userId ?? null, kind],
    );
  }

  /**
   * Beds mode: the occupancy engine hands over the figures it derived from beds, holds and stays,
   * inside its own transaction, holding the shelter's lock (see lockShelter). They are live, so
   * they count as confirmed now.
   */
  async setFigures(
    manager: EntityManager,
    shelterId: string,
    figures: CapacityFigures[],
  ): Promise<void> {
    await manager.delete(ShelterCapacity, { shelterId });
    if (figures.length > 0) {
      await manager.insert(
        ShelterCapacity,
        figures.map((f) => ({ ...f, shelterId })),
      );
    }
    await manager.update(
      Shelter,
      { id: shelterId },
      {
        populations: figures.map((f) => f.population),
        trackingMode: TrackingMode.BEDS,
        // The moment it becomes beds mode (SET reads the row as it was).
        bedsModeSince: () =>
          `CASE WHEN tracking_mode = 'beds' AND beds_mode_since IS NOT NULL THEN beds_mode_since ELSE now() END`,
      },
    );
    await this.recordChange(manager, shelterId, { confirmed: true });
  }

  /**
   * Marks that a shelter's figures moved (version + 1), and that they were confirmed now when
   * staff vouched for them. Callers hold the shelter's row lock and pass their transaction, so
   * the version moves with the change that caused it.
   */
  async recordChange(
    manager: EntityManager,
    shelterId: string,
    { confirmed }: { confirmed: boolean },
  ): Promise<void> {
    await manager.query(
      `UPDATE shelter SET availability_version = availability_version + 1
         ${confirmed ? ', availability_confirmed_at = now()' : ''}
       WHERE id = $1`,
      [shelterId],
    );
    const shelter = await this.search.get(shelterId, manager);
    const publicAggregate = {
      shelterId,
      version: shelter.availabilityVersion,
      status: shelter.status,
      availability: shelter.availability,
    };
    await manager.insert(AvailabilityOutbox, {
      shelterId,
      version: String(shelter.availabilityVersion),
      public: publicAggregate,
    });
    // Delivered to every listening API instance when (and only if) this transaction commits.
    await manager.query('SELECT pg_notify($1, $2)', [
      AVAILABILITY_CHANNEL,
      JSON.stringify({ shelterId, version: shelter.availabilityVersion }),
    ]);
  }

  /**
   * The figures were vouched for by a coordinator of the shelter (a volunteer's word does not
   * answer a flag raised for the coordinator). The change's transaction, holding the lock.
   */
  private async reviewedBy(
    actor: Actor | undefined,
    manager: EntityManager,
    shelterId: string,
  ): Promise<void> {
    if (actor?.memberships.get(shelterId) === Role.COORDINATOR) {
      await this.problemReports.reviewed(manager, shelterId);
    }
  }

  /** Prunes the outbox hourly, once per cluster; checked every ten minutes so restarts do not put it off. */
  @Interval(OUTBOX_RETENTION.name, 600_000)
  outboxRetentionJob(): Promise<JobOutcome> {
    return this.jobs.once(OUTBOX_RETENTION, () => this.pruneOutbox(this.options.outboxRetentionMs));
  }

  /** Forgets outbox rows older than the retention; consumers that far behind take a fresh snapshot. */
  async pruneOutbox(olderThanMs: number): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM availability_outbox WHERE created_at < now() - make_interval(secs => $1)',
      [olderThanMs / 1000],
    );
    return deleted;
  }
}
