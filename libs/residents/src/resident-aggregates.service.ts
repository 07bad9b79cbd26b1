import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CountCell, ResidentAggregates } from './resident.views.js';

/** Cells under this are suppressed: a count of 1 to 4 can single a person out. */
export const SMALL_CELL = 5;

const DIMENSIONS = {
  byCaseStatus: 'case_status::text',
  byAsylumStatus: 'asylum_status::text',
  byNationality: 'nationality',
  byPopulation: 'population::text',
} as const;

export function cell(key: string, count: number): CountCell {
  return count < SMALL_CELL
    ? { key, count: null, suppressed: true }
    : { key, count, suppressed: false };
}

/**
 * Counts without identities, for network coordinators and reports: by case status, asylum status,
 * nationality and population group, for one shelter or the network. Anonymised records still
 * count, so retention does not bend the figures.
 */
@Injectable()
export class ResidentAggregatesService {
  constructor(private readonly dataSource: DataSource) {}

  async aggregates(shelterId: string | null): Promise<ResidentAggregates> {
    const dimensions = Object.entries(DIMENSIONS);
    const rows = await this.dataSource.query<{ dimension: string; key: string; count: number }[]>(
      dimensions
        .map(
          ([name, column]) =>
            `SELECT '${name}' AS dimension, ${column} AS key, count(*)::int AS count FROM resident
              WHERE ($1::uuid IS NULL OR current_shelter_id = $1) GROUP BY ${column}`,
        )
        .join(' UNION ALL ') + ' ORDER BY dimension, key',
      [shelterId],
    );
    const byDimension = (name: string) =>
      rows.filter((row) => row.dimension === name).map((row) => cell(row.key, row.count));
    const total = rows
      .filter((row) => row.dimension === 'byCaseStatus')
      .reduce((sum, row) => sum + row.count, 0);
    return {
      shelterId,
      total: cell('total', total),
      byCaseStatus: byDimension('byCaseStatus'),
      byAsylumStatus: byDimension('byAsylumStatus'),
      byNationality: byDimension('byNationality'),
      byPopulation: byDimension('byPopulation'),
    };
  }
}
