import { enumNames } from '@albergue/common';
import { Population } from '@albergue/shelters';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AsylumStatus, CaseStatus } from './residents.enums.js';
import type { CountCell, ResidentAggregates } from './resident.views.js';

/** Cells under this are pooled: a count of 1 to 4 can single a person out. */
export const SMALL_CELL = 5;
/** Every count shown is rounded to a multiple of this, so that subtracting one table from another
 * (a shelter's from the network's, say) cannot recover a small cell either. */
export const ROUND_TO = 5;

const round = (count: number) => Math.round(count / ROUND_TO) * ROUND_TO;

/**
 * The cells of one dimension as published: small cells are pooled into OTHER (or `pooledKey`,
 * where OTHER is a real value of the dimension; their keys are not shown either), and while the
 * pool holds fewer than SMALL_CELL people the next-smallest cell joins it, so that no subtraction
 * from the total recovers a small group. Counts are rounded.
 */
export function publishCells(
  counts: { key: string; count: number }[],
  pooledKey = 'OTHER',
): CountCell[] {
  const sorted = [...counts].sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));
  let pooled = 0;
  let pooledCells = 0;
  while (
    pooledCells < sorted.length &&
    (sorted[pooledCells].count < SMALL_CELL || (pooled > 0 && pooled < SMALL_CELL))
  ) {
    pooled += sorted[pooledCells].count;
    pooledCells += 1;
  }
  const shown = sorted
    .slice(pooledCells)
    .map(({ key, count }) => ({ key, count: round(count), suppressed: false }));
  if (pooledCells === 0) {
    return shown.sort((a, b) => a.key.localeCompare(b.key));
  }
  const other =
    pooled < SMALL_CELL
      ? { key: pooledKey, count: null, suppressed: true }
      : { key: pooledKey, count: round(pooled), suppressed: false };
  return [...shown.sort((a, b) => a.key.localeCompare(b.key)), other];
}

const DIMENSIONS = {
  byCaseStatus: 'case_status::text',
  byAsylumStatus: 'asylum_status::text',
  byNationality: 'nationality',
  byPopulation: 'population::text',
} as const;

/**
 * A cell's key as the schema names it (OPEN, NOT_STARTED, MEN, not the stored `open`): the same
 * vocabulary as every other field of the API. Nationalities are ISO codes already.
 */
const KEY_NAMES: Record<keyof typeof DIMENSIONS, (stored: string) => string> = {
  byCaseStatus: enumNames(CaseStatus) as (stored: string) => string,
  byAsylumStatus: enumNames(AsylumStatus) as (stored: string) => string,
  byNationality: (stored) => stored,
  byPopulation: enumNames(Population) as (stored: string) => string,
};

export function totalCell(total: number): CountCell {
  return total < SMALL_CELL
    ? { key: 'total', count: null, suppressed: true }
    : { key: 'total', count: round(total), suppressed: false };
}

/**
 * Counts without identities, for network coordinators and reports (pooled and rounded, see publishCells): by case status, asylum status,
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
    const byDimension = (name: keyof typeof DIMENSIONS) =>
      publishCells(
        rows
          .filter((row) => row.dimension === name)
          .map((row) => ({ ...row, key: KEY_NAMES[name](row.key) })),
      );
    const total = rows
      .filter((row) => row.dimension === 'byCaseStatus')
      .reduce((sum, row) => sum + row.count, 0);
    return {
      shelterId,
      total: totalCell(total),
      byCaseStatus: byDimension('byCaseStatus'),
      byAsylumStatus: byDimension('byAsylumStatus'),
      byNationality: byDimension('byNationality'),
      byPopulation: byDimension('byPopulation'),
    };
  }
}
