import { addDays, instantOfWallClock, localDay } from '../../core/format.js';

export type Outcome = 'SUCCEEDED' | 'FAILED' | 'DENIED';
export const OUTCOMES: readonly Outcome[] = ['SUCCEEDED', 'FAILED', 'DENIED'];

/** The audit log's filters as the form holds them: '' is "any". Days are YYYY-MM-DD. */
export interface AuditFilter {
  actorId: string;
  action: string;
  outcome: '' | Outcome;
  shelterId: string;
  targetId: string;
  /** The first day shown, from its midnight in the network's TIME_ZONE. */
  since: string;
  /** The last day shown, to its end (the next midnight) in the network's TIME_ZONE. */
  until: string;
}

export const NO_FILTER: AuditFilter = {
  actorId: '',
  action: '',
  outcome: '',
  shelterId: '',
  targetId: '',
  since: '',
  until: '',
};

/** Rows asked for at a time; "more" asks for this many more, up to the API's most. */
export const PAGE = 50;
export const MOST = 1000;

export interface AuditVariables {
  first: number;
  actorId?: string;
  action?: string;
  outcome?: Outcome;
  shelterId?: string;
  targetId?: string;
  since?: string;
  until?: string;
}

/**
 * The variables of `auditLog` (and of `auditLogCsv`, which must export exactly the rows shown)
 * for a filter: only the filters given; days as the instants their midnights are in `timeZone`,
 * `until` being exclusive in the API, so the last day counts whole.
 */
export function auditVariables(
  filter: AuditFilter,
  timeZone: string,
  first = PAGE,
): AuditVariables {
  const variables: AuditVariables = { first: Math.min(Math.max(first, 1), MOST) };
  for (const key of ['actorId', 'action', 'shelterId', 'targetId'] as const) {
    const value = filter[key].trim();
    if (value) {
      variables[key] = value;
    }
  }
  if (filter.outcome) {
    variables.outcome = filter.outcome;
  }
  if (filter.since) {
    variables.since = instantOfWallClock(timeZone, `${filter.since}T00:00`);
  }
  if (filter.until) {
    variables.until = instantOfWallClock(timeZone, `${addDays(filter.until, 1)}T00:00`);
  }
  return variables;
}

/** What stops a filter from making sense, before asking. */
export function filterProblem(filter: AuditFilter): 'untilBeforeSince' | null {
  return filter.since && filter.until && filter.until < filter.since ? 'untilBeforeSince' : null;
}

/** Whether "more" can bring more rows: a full page came, and the API allows a bigger one. */
export function mayHaveMore(rows: number, first: number): boolean {
  return rows >= first && first < MOST;
}

/** The export's file name, dated by the network's day: `audit-2026-11-29.csv`. */
export function csvFileName(timeZone: string, now: Date): string {
  return `audit-${localDay(timeZone, now)}.csv`;
}
