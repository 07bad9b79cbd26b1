import { type Caller, IdempotencyService } from '@albergue/common';
import { enumNames } from '@albergue/common';
import {
  lockShelter,
  Population,
  type Shelter,
  ShelterSearchService,
  TrackingMode,
} from '@albergue/shelters';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { BedsModePreview } from './beds-mode.views.js';
import type { BedsModeInput } from './dto/occupancy.input.js';
import { FiguresService } from './figures.service.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';
import { SensitiveReads } from './sensitive-reads.js';

const populationName = enumNames(Population);

/**
 * Beds mode goes live when ready: a counts-mode shelter sets up rooms and beds with nothing
 * public changing, a coordinator previews the figures the beds would publish, then switches.
 * The switch keeps every group the shelter serves: it is refused (nothing changes) while a
 * served group has no bed, while holds placed in counts mode (places without a bed) are open, or
 * while people checked in on such places are still in no bed: in beds mode they would occupy
 * nothing, and their beds could be given again. `move` puts each of them into a bed first.
 */
@Injectable()
export class BedsModeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly figures: FiguresService,
    private readonly search: ShelterSearchService,
    private readonly sensitiveReads: SensitiveReads,
  ) {}

  /** The preview's figures are a shelter's exact ones: an admin's read of a sensitive one is audited. */
  async preview(caller: Caller, shelterId: string): Promise<BedsModePreview> {
    const preview = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.previewWithin(manager, shelterId),
    );
    await this.sensitiveReads.record(caller, 'bedsModePreview', [shelterId]);
    return preview;
  }

  async switchToBedsMode(input: BedsModeInput): Promise<Shelter> {
    await this.idempotency.run('switchToBedsMode', input, async (manager) => {
      await lockShelter(manager, input.shelterId, 'input.shelterId');
      const preview = await this.previewWithin(manager, input.shelterId);
      if (preview.bedsMode) {
        throw new OccupancyException(
          'This shelter is in beds mode already: its figures follow its beds.',
          OccupancyExceptionCode.ALREADY_BEDS_MODE,
          ['input.shelterId'],
        );
      }
      if (preview.figures.length === 0) {
        throw new OccupancyException(
          'This shelter has no beds: add rooms and beds (createRoom, addBeds) first.',
          OccupancyExceptionCode.BEDS_MISSING,
          ['input.shelterId'],
        );
      }
      if (preview.missing.length > 0) {
        throw new OccupancyException(
          `No bed yet for ${preview.missing.map(populationName).join(', ')}, which this shelter serves: add beds for them first (bedsModePreview lists what is missing).`,
          OccupancyExceptionCode.BEDS_MISSING,
          ['input.shelterId'],
        );
      }
      if (preview.holdsWithoutBeds > 0) {
        throw new OccupancyException(
          `${preview.holdsWithoutBeds} places held in counts mode are still open: check them in or cancel them first.`,
          OccupancyExceptionCode.HOLDS_WITHOUT_BEDS,
          ['input.shelterId'],
        );
      }
      if (preview.staysWithoutBeds > 0) {
        throw new OccupancyException(
          `${preview.staysWithoutBeds} people checked in here have no bed yet (they arrived on places held in counts mode): move each of them into a bed (move) first.`,
          OccupancyExceptionCode.STAYS_WITHOUT_BEDS,
          ['input.shelterId'],
        );
      }
      await this.figures.publish(manager, input.shelterId);
      return input.shelterId;
    });
    return this.search.get(input.shelterId);
  }

  private async previewWithin(manager: EntityManager, shelterId: string): Promise<BedsModePreview> {
    const shelter = await this.search.get(shelterId, manager);
    const figures = await this.figures.ofBeds(manager, shelterId);
    const withBeds = new Set(figures.map((f) => f.population));
    const missing = shelter.populations.filter((population) => !withBeds.has(population));
    const [{ open, stays }] = await manager.query<{ open: number; stays: number }[]>(
      `SELECT count(*) FILTER (WHERE kind = 'hold')::int AS open,
              count(*) FILTER (WHERE kind = 'stay')::int AS stays
         FROM bed_assignment WHERE shelter_id = $1 AND bed_id IS NULL AND ended_at IS NULL`,
      [shelterId],
    );
    const bedsMode = shelter.trackingMode === TrackingMode.BEDS;
    return {
      shelterId,
      bedsMode,
      ready: !bedsMode && figures.length > 0 && missing.length === 0 && open === 0 && stays === 0,
      figures,
      missing,
      holdsWithoutBeds: open,
      staysWithoutBeds: stays,
    };
  }
}
