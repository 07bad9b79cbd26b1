export const RESIDENTS_OPTIONS = Symbol('RESIDENTS_OPTIONS');

export interface ResidentsOptions {
  /** Staff of the shelter a resident left keep access this long. */
  previousShelterAccessMs: number;
  /** A closed case is anonymised this many days after it closed (and no appointment is pending). */
  retentionDays: number;
  /** Staff screens are told of their residents' appointments within this (APPOINTMENTS_AHEAD). */
  appointmentsAheadMs: number;
  /** TIME_ZONE: appointment times are given with its offset. */
  timeZone: string;
}
