import { ApiErrorCode, libException } from '@albergue/common';

export enum OccupancyExceptionCode {
  ROOM_NOT_FOUND = 'ROOM_NOT_FOUND',
  BED_NOT_FOUND = 'BED_NOT_FOUND',
  HOLD_NOT_FOUND = 'HOLD_NOT_FOUND',
  RESIDENT_NOT_HERE = 'RESIDENT_NOT_HERE',
  NOT_CHECKED_IN = 'NOT_CHECKED_IN',
  ALREADY_IN_A_BED = 'ALREADY_IN_A_BED',
  BED_TAKEN = 'BED_TAKEN',
  NO_SUITABLE_BEDS = 'NO_SUITABLE_BEDS',
  BED_COUNT_MISMATCH = 'BED_COUNT_MISMATCH',
  BED_OF_ANOTHER_SHELTER = 'BED_OF_ANOTHER_SHELTER',
  BEDS_MODE_ONLY = 'BEDS_MODE_ONLY',
  HOLD_EXPIRED = 'HOLD_EXPIRED',
  HOLD_INCOMPLETE = 'HOLD_INCOMPLETE',
  HOLD_TOO_LONG = 'HOLD_TOO_LONG',
  HOLD_SHARE_EXCEEDED = 'HOLD_SHARE_EXCEEDED',
  RANGE_INVALID = 'RANGE_INVALID',
  /** An id of another kind where a hold's id is wanted (an assignment's, a check-in's). */
  WRONG_ID = 'WRONG_ID',
  /** A counts-mode shelter reports no free places for the group. */
  NO_ROOM = 'NO_ROOM',
  /** A transfer would part a guardian and a minor in their care, with no override. */
  GUARDIAN_SEPARATED = 'GUARDIAN_SEPARATED',
  /** Neither a household nor residents, or both, or people of another shelter. */
  TRANSFER_INCOMPLETE = 'TRANSFER_INCOMPLETE',
  /** A switch to beds mode that would leave a served group, or everyone, without a bed. */
  BEDS_MISSING = 'BEDS_MISSING',
  ALREADY_BEDS_MODE = 'ALREADY_BEDS_MODE',
  /** Counts-mode holds still open at a switch to beds mode: they have no bed to carry over. */
  HOLDS_WITHOUT_BEDS = 'HOLDS_WITHOUT_BEDS',
  /** People checked in without a bed (counts mode) at a switch to beds mode: move them into beds first. */
  STAYS_WITHOUT_BEDS = 'STAYS_WITHOUT_BEDS',
  /** No shelter has the id asked for (networkFigures' shelterId). */
  SHELTER_NOT_FOUND = 'SHELTER_NOT_FOUND',
}

function apiCode(code: OccupancyExceptionCode): ApiErrorCode {
  switch (code) {
    case OccupancyExceptionCode.ROOM_NOT_FOUND:
    case OccupancyExceptionCode.BED_NOT_FOUND:
    case OccupancyExceptionCode.HOLD_NOT_FOUND:
    case OccupancyExceptionCode.SHELTER_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case OccupancyExceptionCode.RESIDENT_NOT_HERE:
    case OccupancyExceptionCode.BED_COUNT_MISMATCH:
    case OccupancyExceptionCode.BED_OF_ANOTHER_SHELTER:
    case OccupancyExceptionCode.HOLD_INCOMPLETE:
    case OccupancyExceptionCode.HOLD_TOO_LONG:
    case OccupancyExceptionCode.RANGE_INVALID:
    case OccupancyExceptionCode.WRONG_ID:
    case OccupancyExceptionCode.TRANSFER_INCOMPLETE:
      return ApiErrorCode.BAD_USER_INPUT;
    case OccupancyExceptionCode.NOT_CHECKED_IN:
    case OccupancyExceptionCode.ALREADY_IN_A_BED:
    case OccupancyExceptionCode.BED_TAKEN:
    case OccupancyExceptionCode.NO_SUITABLE_BEDS:
    case OccupancyExceptionCode.BEDS_MODE_ONLY:
    case OccupancyExceptionCode.HOLD_EXPIRED:
    case OccupancyExceptionCode.HOLD_SHARE_EXCEEDED:
    case OccupancyExceptionCode.NO_ROOM:
    case OccupancyExceptionCode.GUARDIAN_SEPARATED:
    case OccupancyExceptionCode.BEDS_MISSING:
    case OccupancyExceptionCode.ALREADY_BEDS_MODE:
    case OccupancyExceptionCode.HOLDS_WITHOUT_BEDS:
    case OccupancyExceptionCode.STAYS_WITHOUT_BEDS:
      return ApiErrorCode.CONFLICT;
  }
}

export class OccupancyException extends libException(apiCode) {}
