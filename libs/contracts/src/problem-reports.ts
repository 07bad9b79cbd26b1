/**
 * What a person can say about a shelter's published figures or contact, in one tap, from the
 * finder or `/text`: a fixed list, never free text, so that a report is a shelter, a reason and
 * a time, and nothing of who sent it.
 */
export const PROBLEM_REASONS = [
  /** The door said no while the finder showed space. */
  'TURNED_AWAY_DESPITE_SPACE',
  /** Nobody answers the published phone. */
  'NO_ANSWER',
  /** Closed while the finder showed it open. */
  'CLOSED',
  'WRONG_ADDRESS',
] as const;
export type ProblemReasonName = (typeof PROBLEM_REASONS)[number];

/** A report, as the finder sends it: `POST /reports` with this JSON body and nothing else. */
export interface ProblemReport {
  shelterId: string;
  reason: ProblemReasonName;
}

/**
 * The answer to every report that was valid, counted or not: one report per address and shelter
 * is counted in an hour, and a later one gets the same thanks, so that nobody (nor anyone else
 * behind the same address) learns from the answer whether someone reported before.
 */
export interface ProblemReportReceipt {
  received: true;
}
