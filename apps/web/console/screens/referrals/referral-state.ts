/**
 * The referring shelter's reading of a referral (issue 20, item 10): what is owed next and by
 * when, whether it is overdue, which of the referrer's acts its state allows, and which `/staff`
 * news is new. Pure, so that a spec holds it; the API still decides (it refuses a move that its
 * loop does not allow, and says so).
 */
import { isOverdue } from '../referral-words.js';

/** ReferralState's GraphQL names. */
export type ReferralStateName =
  | 'DRAFT'
  | 'SENT'
  | 'ACCEPTED'
  | 'REJECTED'
  | 'SCHEDULED'
  | 'COMPLETED'
  | 'NOT_COMPLETED'
  | 'CLOSED'
  | 'CANCELLED';

export interface Timed {
  state?: string | null;
  answerDueAt?: string | null;
  scheduledFor?: string | null;
}

/** Sent and unanswered past the time its urgency gives the service to answer: the one rule. */
export { isOverdue };

/**
 * What the screen counts down to: the service's answer while it is owed (sent), the appointment
 * once one is set (scheduled); nothing otherwise (an emergency owes no answer: nothing waits).
 */
export function nextDate(referral: Timed): { kind: 'answer' | 'appointment'; at: string } | null {
  if (referral.state === 'SENT' && referral.answerDueAt) {
    return { kind: 'answer', at: referral.answerDueAt };
  }
  if (referral.state === 'SCHEDULED' && referral.scheduledFor) {
    return { kind: 'appointment', at: referral.scheduledFor };
  }
  return null;
}

/** The referrer may cancel a draft, or one still waiting on the service. */
export function mayCancel(state: string | null | undefined): boolean {
  return ['DRAFT', 'SENT', 'ACCEPTED', 'SCHEDULED'].includes(state ?? '');
}

/** A referral closes only once it has an outcome, a not-completed reason or a rejection. */
export function mayClose(state: string | null | undefined): boolean {
  return ['COMPLETED', 'NOT_COMPLETED', 'REJECTED'].includes(state ?? '');
}

/** Still in the loop: it may be closed as "moved on" when the person left. */
export function mayCloseMovedOn(state: string | null | undefined): boolean {
  return ['DRAFT', 'SENT', 'ACCEPTED', 'SCHEDULED', 'NOT_COMPLETED'].includes(state ?? '');
}

/** Most pressing first: overdue, then what counts down soonest, then the rest as the API gave them. */
export function byUrgencyOfFollowUp<R extends Timed>(referrals: readonly R[], now: number): R[] {
  const rank = (referral: R) => {
    if (isOverdue(referral, now)) {
      return [0, Date.parse(referral.answerDueAt!)];
    }
    const next = nextDate(referral);
    return next ? [1, Date.parse(next.at)] : [2, 0];
  };
  return referrals
    .map((referral, index) => ({ referral, index, rank: rank(referral) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index)
    .map((each) => each.referral);
}

/**
 * The highest version seen of each referral (from the list and from `/staff`): a notice may come
 * twice or late (an instance catching up), and only a newer one is worth reading again.
 */
export class Versions {
  private readonly seen = new Map<string, number>();

  /** Remembers what a read gave (a re-read may already be newer than a notice on its way). */
  saw(referrals: readonly { id: string; version: number }[]): void {
    for (const { id, version } of referrals) {
      this.seen.set(id, Math.max(version, this.seen.get(id) ?? 0));
    }
  }

  /** Whether a notice is newer than anything seen of its referral (and remembers it if so). */
  isNews(notice: { id: string; version: number }): boolean {
    const known = this.seen.get(notice.id);
    if (known !== undefined && notice.version <= known) {
      return false;
    }
    this.seen.set(notice.id, notice.version);
    return true;
  }
}

/**
 * Whether a `/staff` notice is about a shelter's list: a referral it follows now, or one of the
 * rows it shows (a referral that moved to another shelter is told to the one it left with the
 * new shelter's id: the row must be read again, and leaves the list).
 */
export function isOurs(
  notice: { id: string; shelterId: string },
  shelterId: string,
  listed: ReadonlySet<string>,
): boolean {
  return notice.shelterId === shelterId || listed.has(notice.id);
}

/**
 * A history step's detail as catalogue words: the API writes words joined by ':'
 * (`created:bed_not_affected`, `capacity_override:EMERGENCY`, `emergency:vital_interest`); known
 * ones become keys, an unknown one is kept as written rather than dropped.
 */
export const DETAIL_WORDS = [
  'created',
  'bed_not_affected',
  'emergency',
  'vital_interest',
  'capacity_override',
  'called_and_agreed',
  'rescheduled',
  'moved',
  'moved_on',
  'override',
  'erased',
  'retention',
  'merged',
] as const;
export type DetailWord = (typeof DETAIL_WORDS)[number];

export function detailWords(detail: string | null | undefined): (DetailWord | string)[] {
  if (!detail) {
    return [];
  }
  return detail
    .split(':')
    .filter((part) => part.length > 0)
    .map((part) => {
      const word = part.toLowerCase();
      return (DETAIL_WORDS as readonly string[]).includes(word) ? word : part;
    });
}

export function isDetailWord(word: string): word is DetailWord {
  return (DETAIL_WORDS as readonly string[]).includes(word);
}

/** FIELD_VISIT_MAX: the API refuses a visit further ahead; the form says it before asking. */
export const FIELD_VISIT_MAX_DAYS = 30;

/** The default end of a new field visit: a week, at the end of its day (datetime-local value). */
export function defaultVisitEnd(today: string): string {
  const [year, month, day] = today.split('-').map(Number);
  const end = new Date(Date.UTC(year, month - 1, day + 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}T18:00`;
}

/**
 * What the acts of one referral's page did to it, shared by all its panels: an act on its way
 * (its answer not in yet) and the highest version an answered act produced. A panel opened
 * before the page's own act is not told "someone else changed it" when the version moves (or its
 * act goes with the new state) because of that act: only a version past what the page's own
 * acts produced is someone else's.
 */
export class OwnActs {
  private pending = 0;
  private produced: number | null = null;
  /** The version the page shows now (the acts' section sets it as it renders). */
  shown = 0;

  /** An act of the page is sent. */
  started(): void {
    this.pending += 1;
  }

  /** Its answer came: the version it produced (none when it was refused or unanswered). */
  answered(version: number | undefined): void {
    this.pending = Math.max(0, this.pending - 1);
    if (version !== undefined) {
      this.produced = Math.max(version, this.produced ?? version);
    }
  }

  /** Whether the page's own acts account for the referral being at `version`. */
  explains(version: number): boolean {
    return this.pending > 0 || (this.produced !== null && version <= this.produced);
  }
}

/** The version an act's answer gives (`{ cancelReferral: { id, version, state } }`), if any. */
export function producedVersion(data: unknown): number | undefined {
  if (!data || typeof data !== 'object') {
    return undefined;
  }
  for (const field of Object.values(data)) {
    const version = (field as { version?: unknown } | null)?.version;
    if (typeof version === 'number') {
      return version;
    }
  }
  return undefined;
}
