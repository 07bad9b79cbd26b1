import type { AsylumStatusName, CaseStatusName } from './resident-query.js';

/**
 * Every asylum status, in the track's order: the correction's choices and the history's words
 * both read this one list.
 */
export const ASYLUM_STATUSES = [
  'NOT_STARTED',
  'PRE_REGISTERED',
  'APPOINTMENT_SCHEDULED',
  'APPLICATION_FILED',
  'RECOGNISED',
  'COMPLEMENTARY_PROTECTION',
  'REJECTED',
  'APPEAL',
  'ABANDONED',
  'MOVED_TO_ANOTHER_OFFICE',
] as const satisfies readonly AsylumStatusName[];

// A status the API adds and this list lacks fails the build here, not silently on screen.
type Missing = Exclude<AsylumStatusName, (typeof ASYLUM_STATUSES)[number]>;
export const everyStatusListed: [Missing] extends [never] ? true : Missing = true;

/** Every case status: the history's words and the residents' aggregates read this one list. */
export const CASE_STATUSES = [
  'OPEN',
  'DEPARTED',
  'TRANSFERRED',
  'DISAPPEARED',
  'DEPORTED',
  'RETURNED',
  'DECEASED',
] as const satisfies readonly CaseStatusName[];

type MissingCase = Exclude<CaseStatusName, (typeof CASE_STATUSES)[number]>;
export const everyCaseListed: [MissingCase] extends [never] ? true : MissingCase = true;
