import type { ApiErrorCode } from './api-error-code.js';
import type { ProblemReasonName } from './problem-reports.js';
import type { PublicShelter } from './public-shelter.js';

/**
 * The socket protocol, both namespaces, as typed event maps: the gateways can send nothing else.
 * Clients keep the highest version of each shelter they have seen (an instance may be a moment
 * behind another, and a catch-up may cross a tick). Public messages carry public aggregates
 * only; staff messages carry ids and the fields a screen shows, never a name or a document (the
 * screen asks GraphQL, which is audited). Enums travel by their GraphQL names (OPEN, BEDS, MEN),
 * times as ISO strings.
 */

// `/public`

/** Watch every area at once (a city-wide map): one message per tick with every change. */
export const ALL_AREAS = '*';

export interface WatchRequest {
  /** Area ids (`b:cdmx-cuauhtemoc`, `g:194:-992`) or `*`. */
  areas: string[];
  /** shelterId -> the version the client holds (from the snapshot or earlier updates). */
  known?: Record<string, number>;
}

export type WatchReply =
  | { ok: true; tick: number; serverTime: string; shelters: PublicShelter[] }
  /** So much moved that a fresh snapshot (GET /availability.json) is cheaper. */
  | { ok: true; resync: true; tick: number; serverTime: string }
  | { ok: false; code: ApiErrorCode.BAD_USER_INPUT; message: string };

export interface AvailabilityUpdate {
  /** This instance's tick counter. */
  tick: number;
  serverTime: string;
  /** The area room it was sent to (`*` for the whole network). */
  area: string;
  shelters: PublicShelter[];
}

export interface PublicClientEvents {
  watch(request: WatchRequest, reply: (reply: WatchReply) => void): void;
}

export interface PublicServerEvents {
  availability(update: AvailabilityUpdate): void;
}

// `/staff`

/** A shelter's exact figures, per group. */
export interface ShelterFigures {
  shelterId: string;
  version: number;
  status: string;
  trackingMode: string;
  confirmedAt: string | null;
  capacities: {
    population: string;
    totalBeds: number;
    freeBeds: number;
    overflowTotal: number;
    overflowFree: number;
  }[];
}

/**
 * `extensions.details` of a report or confirmation refused as STALE_REPORT (CONFLICT): the
 * shelter's figures as they stand, to the staff who sent it (who may see them exactly).
 */
export interface StaleReportDetails {
  current: ShelterFigures;
}

/** One row of the bed board, as GraphQL's bedBoard shows it: ids only. */
export interface BoardBed {
  id: string;
  label: string;
  roomName: string;
  kind: string;
  population: string;
  accessible: boolean;
  overflow: boolean;
  outOfServiceReason: string | null;
  /** What holds the bed now (`hold` or `stay`). */
  use: {
    id: string;
    /** For a hold: its holdId, the one id checkIn, cancelHold and declineTransfer take. */
    holdId: string | null;
    kind: string;
    residentId: string | null;
    expiresAt: string | null;
    originShelterId: string | null;
  } | null;
}

export interface BoardUpdate {
  shelterId: string;
  version: number;
  beds: BoardBed[];
}

export interface HoldNotice {
  /** The hold's holdId (several beds of one household share it). */
  holdId: string;
  /** Null for a place held at a counts-mode shelter. */
  bedId: string | null;
  shelterId: string;
  expiresAt: string | null;
  /** For a hold placed by another shelter (a transfer or referral): that shelter. */
  originShelterId: string | null;
}

export interface AppointmentsDueUpdate {
  shelterId: string;
  appointments: { appointmentId: string; residentId: string; kind: string; startsAt: string }[];
}

/** Problem reports about a shelter's figures or contact: counts, never who sent them. */
export interface ProblemReportCounts {
  shelterId: string;
  /** The last seven days in TIME_ZONE that have reports, newest first: each reason's count. */
  days: { day: string; reason: ProblemReasonName; count: number }[];
  /**
   * Set (ISO time) when a burst of TURNED_AWAY_DESPITE_SPACE reports questioned the figures, for
   * the coordinator to check them; null again once a coordinator reports or confirms them.
   * Nothing is lowered on its own.
   */
  figuresQuestionedAt: string | null;
}

/**
 * A shelter's figures turn stale (UNKNOWN on the map) at `staleAt` unless staff report or confirm
 * them; sent once per shelter and stale period (`confirmedAt`, the last report or confirmation).
 */
export interface StaleSoonNotice {
  shelterId: string;
  confirmedAt: string;
  staleAt: string;
}

/**
 * A referral changed (sent, answered, scheduled, closed, moved, turned overdue): its ids and state
 * only, never its reason, category or the person's alias (the screen asks GraphQL, where health
 * roles read them and the read is audited). To the health roles (health workers, coordinators) of
 * the shelter following it, without the service, and to the service's staff, with it (coordinators
 * never learn the service: its category can be clinical; a health worker's screen asks GraphQL, where
 * the view gives them the service). A change whose notification an instance missed is sent when it
 * catches up (at most a STAFF_CHECK late), and may come twice: keep the highest version. `overdue`: sent, unanswered past its answer
 * time; the change that makes it overdue is sent once, however many instances run, and a socket
 * that connects gets its audiences' overdue referrals.
 */
export interface ReferralNotice {
  id: string;
  version: number;
  /** ReferralState's GraphQL name (SENT, ACCEPTED, SCHEDULED…). */
  state: string;
  shelterId: string;
  /** To the service's own staff only. */
  serviceId?: string;
  overdue: boolean;
}

/**
 * A referral someone must escort the person to changed (sent, scheduled, moved, cancelled,
 * ended): to the shelter's bed board audience (its volunteers, who escort, and coordinators), so
 * that an escort's when and where are read again. Its ids and version only: not its state, service,
 * category, reason or the person's alias (the screen asks GraphQL, where a volunteer reads when
 * and where, and only while an escort is still to come). Kept by the highest version, as `referral`.
 * `shelterId` is the hearing audience's own shelter: the one a person left is never told where
 * they went.
 */
export interface EscortNotice {
  id: string;
  version: number;
  shelterId: string;
}

/**
 * A supply alert raised or cleared at a shelter (issue 21): an item low, a lot expiring, food for
 * too few days. To the shelter's bed board audience (volunteers and coordinators), once per
 * crossing and socket, however many instances run; a socket that connects is told the shelter's
 * open alerts. Ids and kind only: the screen reads the figures through GraphQL.
 */
export interface SupplyAlertNotice {
  id: string;
  shelterId: string;
  /** SupplyAlertKind's GraphQL name: LOW_STOCK, FOOD_DAYS_LOW or EXPIRING. */
  kind: string;
  itemId: string | null;
  raisedAt: string;
  /** Null while it holds. */
  clearedAt: string | null;
}

/** A staff socket refused at the handshake gets `{ code }` as its connect error's `data`. */
export interface StaffRefusal {
  code: ApiErrorCode.UNAUTHENTICATED | ApiErrorCode.FORBIDDEN | ApiErrorCode.SERVICE_UNAVAILABLE;
}

export interface StaffServerEvents {
  /** Exact figures of a shelter the user works in (or of every shelter, for network roles). */
  shelter(figures: ShelterFigures): void;
  /** The bed board after a change (beds mode), for volunteers and coordinators. */
  board(board: BoardUpdate): void;
  holdArrived(hold: HoldNotice): void;
  holdExpiring(hold: HoldNotice & { expiresAt: string }): void;
  appointmentsDue(due: AppointmentsDueUpdate): void;
  /** To a shelter's volunteers and coordinators and to the network roles, when they change. */
  problemReports(counts: ProblemReportCounts): void;
  /**
   * To a shelter's volunteers and coordinators, STALE_NUDGE_BEFORE before its figures turn stale,
   * once per stale period (and to a socket that connects while it still holds).
   */
  figuresTurningStale(notice: StaleSoonNotice): void;
  /** To the following shelter's health workers and coordinators, and (with `serviceId`) to the service's staff. */
  referral(notice: ReferralNotice): void;
  /** To the following shelter's volunteers and coordinators, for a referral that needs an escort. */
  escort(notice: EscortNotice): void;
  /** To a shelter's volunteers and coordinators: a supply alert raised or cleared. */
  supplyAlert(notice: SupplyAlertNotice): void;
  /** The session ended (logout, timeout, deactivation): the socket closes after this. */
  signedOut(reason: { code: ApiErrorCode.UNAUTHENTICATED; reason: 'SESSION_INVALID' }): void;
}

/** Staff clients only listen. */
export type StaffClientEvents = Record<string, never>;
