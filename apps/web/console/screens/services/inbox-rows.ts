import { localDay } from '../../core/format.js';

/**
 * The inbox's rules, apart from the screen so that a spec holds them: which referral goes in
 * which group, when one is overdue, how long is left to answer, and which answer is the newest.
 */

/** What the inbox asks the API for: the referrals the service still has something to do with. */
export const INBOX_STATES = ['SENT', 'ACCEPTED', 'SCHEDULED', 'NOT_COMPLETED'] as const;

/**
 * How many referrals the inbox asks for (the API's most): newest first, so that past it the
 * oldest drop out; the screen says so, and still shows the overdue ones (missingOverdue).
 */
export const INBOX_PAGE = 500;

/** Whether the list read may have been cut at the page (older referrals not listed). */
export function listCut(rows: readonly unknown[]): boolean {
  return rows.length >= INBOX_PAGE;
}

/**
 * The overdue referrals (still sent, by the overdue job's word) that the list does not have: the
 * oldest, cut off by the page. The screen reads each on its own.
 */
export function missingOverdue(
  rows: readonly { id: string }[],
  overdue: readonly { id: string; state?: string | null }[],
): string[] {
  const listed = new Set(rows.map((row) => row.id));
  return overdue
    .filter((each) => (each.state ?? 'SENT') === 'SENT' && !listed.has(each.id))
    .map((each) => each.id);
}

/** The fields of a referral these rules read. */
export interface InboxRow {
  id: string;
  version: number;
  state?: string | null;
  answerDueAt?: string | null;
  scheduledFor?: string | null;
  notCompletedReason?: string | null;
}

export interface InboxGroups<R extends InboxRow> {
  /** Sent, waiting on the service's answer: the overdue first, then by the time left. */
  fresh: R[];
  /** Appointments today (the server's TIME_ZONE day), by time. */
  today: R[];
  /** Accepted and not yet scheduled, appointments on other days, no-shows to reschedule. */
  open: R[];
}

const at = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY);

/** The one overdue rule (the referral words module), the job's ids with it. */
export { isOverdue } from '../referral-words.js';

/** The three groups of the inbox; a referral the service has nothing more to do with is in none. */
export function inboxGroups<R extends InboxRow>(
  rows: readonly R[],
  now: number,
  timeZone: string,
): InboxGroups<R> {
  const today = localDay(timeZone, new Date(now));
  const groups: InboxGroups<R> = { fresh: [], today: [], open: [] };
  for (const row of rows) {
    if (row.state === 'SENT') {
      groups.fresh.push(row);
    } else if (row.state === 'SCHEDULED' && row.scheduledFor) {
      (localDay(timeZone, new Date(row.scheduledFor)) === today ? groups.today : groups.open).push(
        row,
      );
    } else if (
      row.state === 'ACCEPTED' ||
      (row.state === 'NOT_COMPLETED' && row.notCompletedReason === 'NO_SHOW')
    ) {
      groups.open.push(row);
    }
  }
  // An emergency owes no answer (no answerDueAt): first, as the most pressing.
  groups.fresh.sort((a, b) => at(a.answerDueAt) - at(b.answerDueAt) || 0);
  groups.today.sort((a, b) => at(a.scheduledFor) - at(b.scheduledFor) || 0);
  // Accepted ones waiting for a date first, then the appointments to come by date.
  groups.open.sort((a, b) => rank(a) - rank(b) || at(a.scheduledFor) - at(b.scheduledFor) || 0);
  return groups;
}

function rank(row: InboxRow): number {
  return row.state === 'ACCEPTED' ? 0 : row.state === 'NOT_COMPLETED' ? 1 : 2;
}

/**
 * Keeps the highest version of each referral: what the list read, or a newer one that an act
 * answered with (before the list is read again). A referral the list no longer has is not put
 * back (it left the inbox's states).
 */
export function newest<R extends InboxRow>(
  rows: readonly R[],
  answered: ReadonlyMap<string, R>,
): R[] {
  return rows.map((row) => {
    const other = answered.get(row.id);
    return other && other.version > row.version ? other : row;
  });
}

/**
 * Whether the list read is older than what `/staff` said meanwhile (an event's version above the
 * row's: the read crossed the change), and it was not read again for that version yet (`asked`):
 * then it is read again, once. Events may come twice or late: one at or below what the list has
 * is nothing new. (A referral the list does not have has left the inbox's states, or is new:
 * every event reads the list again anyway.)
 */
export function behind(
  rows: readonly InboxRow[],
  heard: ReadonlyMap<string, number>,
  asked: ReadonlyMap<string, number> = new Map(),
): boolean {
  const read = new Map(rows.map((row) => [row.id, row.version]));
  for (const [id, version] of heard) {
    const have = read.get(id);
    if (have !== undefined && have < version && (asked.get(id) ?? 0) < version) {
      return true;
    }
  }
  return false;
}
