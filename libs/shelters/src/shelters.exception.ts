import { ApiErrorCode, libException } from '@albergue/common';

export enum SheltersExceptionCode {
  SHELTER_NOT_FOUND = 'SHELTER_NOT_FOUND',
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  POPULATION_NOT_SERVED = 'POPULATION_NOT_SERVED',
  FREE_EXCEEDS_TOTAL = 'FREE_EXCEEDS_TOTAL',
  DUPLICATE_POPULATION = 'DUPLICATE_POPULATION',
  RADIUS_WITHOUT_NEAR = 'RADIUS_WITHOUT_NEAR',
  COUNTS_MODE_ONLY = 'COUNTS_MODE_ONLY',
  HOURS_UNCLEAR = 'HOURS_UNCLEAR',
  STALE_REPORT = 'STALE_REPORT',
  VERSION_AHEAD = 'VERSION_AHEAD',
  /** A period backwards, too long, half given, or given with `days` (problemReports). */
  RANGE_INVALID = 'RANGE_INVALID',
}

function apiCode(code: SheltersExceptionCode): ApiErrorCode {
  switch (code) {
    case SheltersExceptionCode.SHELTER_NOT_FOUND:
    case SheltersExceptionCode.ORGANISATION_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case SheltersExceptionCode.POPULATION_NOT_SERVED:
    case SheltersExceptionCode.FREE_EXCEEDS_TOTAL:
    case SheltersExceptionCode.DUPLICATE_POPULATION:
    case SheltersExceptionCode.RADIUS_WITHOUT_NEAR:
    case SheltersExceptionCode.HOURS_UNCLEAR:
    case SheltersExceptionCode.VERSION_AHEAD:
    case SheltersExceptionCode.RANGE_INVALID:
      return ApiErrorCode.BAD_USER_INPUT;
    case SheltersExceptionCode.COUNTS_MODE_ONLY:
    case SheltersExceptionCode.STALE_REPORT:
      return ApiErrorCode.CONFLICT;
  }
}

export class SheltersException extends libException(apiCode) {}
