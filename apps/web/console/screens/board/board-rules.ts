import { ApiErrorCode, type BoardBed } from '@albergue/contracts';
import type { ActError } from '../../graphql/errors.js';
import { bedState } from './board-diff.js';

/**
 * What a role may do to a bed in this state, as the API allows it (bedBoard, checkOut and move
 * for volunteers and coordinators; setBedOutOfService for coordinators): the API refuses the
 * rest, this only spares people the controls.
 */
export function canAct(role: string | undefined, bed: BoardBed): boolean {
  if (role !== 'VOLUNTEER' && role !== 'COORDINATOR') {
    return false;
  }
  const state = bedState(bed);
  return (
    (state === 'occupied' && !!bed.use?.residentId) ||
    (role === 'COORDINATOR' && (state === 'free' || state === 'outOfService'))
  );
}

/** An act refused because the board moved on a moment ago: the words that explain it. */
export type BoardConflict = 'board.conflict' | 'board.gone';

/**
 * A refusal because someone acted on this bed or person a moment ago: the person is no longer
 * in a bed here (checked out or moved), or the bed was taken, held or taken out of service.
 * Anything else (no answer, a refusal of the role, bad input) is not a conflict.
 */
export function conflictOf(error: ActError | undefined): BoardConflict | undefined {
  if (!error || error.code === 'NETWORK') {
    return undefined;
  }
  if (error.reason === 'NOT_CHECKED_IN' || error.reason === 'RESIDENT_NOT_HERE') {
    return 'board.gone';
  }
  return error.code === ApiErrorCode.CONFLICT ? 'board.conflict' : undefined;
}

/** A bed's actions as opened: on which bed, and what held it then (null: nothing). */
export interface Opened {
  bedId: string;
  useId: string | null;
  residentId: string | null;
}

/**
 * The bed of open actions changed hands since they were opened: what holds it now is not what
 * held it then (its person checked out or moved, someone else in it, held, freed), or the bed is
 * gone from the board. A new use is a new stay or hold, even for the same person.
 */
export function changedHands(
  opened: Opened | undefined,
  beds: readonly BoardBed[] | null,
): boolean {
  if (!opened || !beds) {
    return false;
  }
  const now = beds.find((each) => each.id === opened.bedId);
  return !now || (now.use?.id ?? null) !== opened.useId;
}
