import type { DataSource } from 'typeorm';

/**
 * The demo's week of history. The services stamp every act with the clock, as they must; the
 * demo acts through them, in the order the week would have happened, and then dates the acts
 * back. Only the demo does this, on its own fictional rows.
 */
export class DemoClock {
  private readonly dated = new Map<string, { ids: string[]; at: Date[] }>();

  constructor(private readonly now = Date.now()) {}

  /** `days` days ago (0: now), plus `hours` (may be negative), never later than now. */
  at(days: number, hours = 0): Date {
    return new Date(Math.min(this.now, this.now - days * 86_400_000 + hours * 3_600_000));
  }

  /** Dates the row `id` of `table.column` back to `at` when the week is written (see apply). */
  date(table: DatedColumn, id: string, at: Date): void {
    const rows = this.dated.get(table) ?? { ids: [], at: [] };
    rows.ids.push(id);
    rows.at.push(at);
    this.dated.set(table, rows);
  }

  /** One statement per column: the whole week dated back. */
  async apply(dataSource: DataSource): Promise<void> {
    for (const [column, rows] of this.dated) {
      const [table, field] = column.split('.');
      await dataSource.query(
        `UPDATE ${table} SET ${field} = dated.at
           FROM unnest($1::uuid[], $2::timestamptz[]) AS dated(id, at)
          WHERE ${table}.id = dated.id`,
        [rows.ids, rows.at],
      );
    }
    this.dated.clear();
  }
}

/** The columns the demo dates back: a closed list, so that no name is built from data. */
export type DatedColumn =
  | 'bed_assignment.started_at'
  | 'bed_assignment.ended_at'
  | 'bed.created_at'
  | 'room.created_at'
  | 'turnaway.at'
  | 'availability_report.at'
  | 'shelter.beds_mode_since';
