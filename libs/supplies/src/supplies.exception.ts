import { ApiErrorCode, libException } from '@albergue/common';

export enum SuppliesExceptionCode {
  ITEM_NOT_FOUND = 'ITEM_NOT_FOUND',
  SHELTER_NOT_FOUND = 'SHELTER_NOT_FOUND',
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  MOVEMENT_NOT_FOUND = 'MOVEMENT_NOT_FOUND',
  TRANSFER_NOT_FOUND = 'TRANSFER_NOT_FOUND',
  /** A quantity at or below zero, or with more decimals than the unit allows. */
  INVALID_QUANTITY = 'INVALID_QUANTITY',
  /** The unit given is not the item's. */
  UNIT_MISMATCH = 'UNIT_MISMATCH',
  /** More taken than the shelter holds (of the item, or of the lot named). */
  INSUFFICIENT_STOCK = 'INSUFFICIENT_STOCK',
  /** An item of another shelter, or an inactive one. */
  ITEM_NOT_USABLE_HERE = 'ITEM_NOT_USABLE_HERE',
  /** A shelter's own item cannot travel: the receiver does not know it. */
  LOCAL_ITEM_NOT_TRANSFERABLE = 'LOCAL_ITEM_NOT_TRANSFERABLE',
  /** ORGANISATION without organisationId, or organisationId with another source. */
  SOURCE_MISMATCH = 'SOURCE_MISMATCH',
  /** receiveStock with source PLEDGE: a pledge is received with receivePledge, which names it. */
  PLEDGE_RECEIVED_ELSEWHERE = 'PLEDGE_RECEIVED_ELSEWHERE',
  /** kcalPerUnit on an item that is not food, or names missing for a network item. */
  ITEM_FIELDS_INVALID = 'ITEM_FIELDS_INVALID',
  ALREADY_REVERSED = 'ALREADY_REVERSED',
  /** A reversal is not reversed: record the movement again instead. */
  REVERSAL_NOT_REVERSIBLE = 'REVERSAL_NOT_REVERSIBLE',
  /** A transfer's movements change with the transfer, never alone. */
  TRANSFER_MOVEMENT_NOT_REVERSIBLE = 'TRANSFER_MOVEMENT_NOT_REVERSIBLE',
  /** A stocktake that found no difference moved nothing: there is nothing to reverse. */
  NOTHING_TO_REVERSE = 'NOTHING_TO_REVERSE',
  SAME_SHELTER = 'SAME_SHELTER',
  DUPLICATE_LINE = 'DUPLICATE_LINE',
  /** A received transfer names every line it was sent with, once. */
  LINES_MISMATCH = 'LINES_MISMATCH',
  RECEIVED_MORE_THAN_SENT = 'RECEIVED_MORE_THAN_SENT',
  TRANSFER_NOT_IN_TRANSIT = 'TRANSFER_NOT_IN_TRANSIT',
  PERIOD_INVALID = 'PERIOD_INVALID',
  /** A lot that is not a code of 1 to 40 letters, digits, dots, slashes or hyphens. */
  INVALID_LOT = 'INVALID_LOT',
  /** Less arrived than was sent, and no reason was given for the difference. */
  DIFFERENCE_REASON_REQUIRED = 'DIFFERENCE_REASON_REQUIRED',
  /** A stocktake's adjustment is reversed by a coordinator of the shelter only. */
  ADJUSTMENT_REVERSAL_FORBIDDEN = 'ADJUSTMENT_REVERSAL_FORBIDDEN',
  DATE_OUT_OF_RANGE = 'DATE_OUT_OF_RANGE',
  /** A threshold names both an item and a category, or neither, or sets no mark. */
  THRESHOLD_INVALID = 'THRESHOLD_INVALID',
  /** No threshold is set for this item or category at this shelter. */
  THRESHOLD_NOT_FOUND = 'THRESHOLD_NOT_FOUND',
  /** A need names both an item and a category, or neither, or a quantity for a category. */
  NEED_INVALID = 'NEED_INVALID',
  NEED_NOT_FOUND = 'NEED_NOT_FOUND',
  /** The shelter already asks for this item or category: change that need. */
  NEED_EXISTS = 'NEED_EXISTS',
  /** The need was closed (met or withdrawn). */
  NEED_CLOSED = 'NEED_CLOSED',
  PLEDGE_NOT_FOUND = 'PLEDGE_NOT_FOUND',
  /** A pledge without a name, or without a phone or an email to reach them by. */
  PLEDGE_CONTACT_REQUIRED = 'PLEDGE_CONTACT_REQUIRED',
  /** This address already pledged to this need within the hour. */
  PLEDGE_LIMIT = 'PLEDGE_LIMIT',
  /** The pledge was already received or withdrawn. */
  PLEDGE_SETTLED = 'PLEDGE_SETTLED',
}

function apiCode(code: SuppliesExceptionCode): ApiErrorCode {
  switch (code) {
    case SuppliesExceptionCode.ITEM_NOT_FOUND:
    case SuppliesExceptionCode.SHELTER_NOT_FOUND:
    case SuppliesExceptionCode.ORGANISATION_NOT_FOUND:
    case SuppliesExceptionCode.MOVEMENT_NOT_FOUND:
    case SuppliesExceptionCode.TRANSFER_NOT_FOUND:
    case SuppliesExceptionCode.THRESHOLD_NOT_FOUND:
    case SuppliesExceptionCode.NEED_NOT_FOUND:
    case SuppliesExceptionCode.PLEDGE_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case SuppliesExceptionCode.INVALID_QUANTITY:
    case SuppliesExceptionCode.UNIT_MISMATCH:
    case SuppliesExceptionCode.INSUFFICIENT_STOCK:
    case SuppliesExceptionCode.ITEM_NOT_USABLE_HERE:
    case SuppliesExceptionCode.LOCAL_ITEM_NOT_TRANSFERABLE:
    case SuppliesExceptionCode.SOURCE_MISMATCH:
    case SuppliesExceptionCode.PLEDGE_RECEIVED_ELSEWHERE:
    case SuppliesExceptionCode.ITEM_FIELDS_INVALID:
    case SuppliesExceptionCode.REVERSAL_NOT_REVERSIBLE:
    case SuppliesExceptionCode.TRANSFER_MOVEMENT_NOT_REVERSIBLE:
    case SuppliesExceptionCode.NOTHING_TO_REVERSE:
    case SuppliesExceptionCode.SAME_SHELTER:
    case SuppliesExceptionCode.DUPLICATE_LINE:
    case SuppliesExceptionCode.LINES_MISMATCH:
    case SuppliesExceptionCode.RECEIVED_MORE_THAN_SENT:
    case SuppliesExceptionCode.PERIOD_INVALID:
    case SuppliesExceptionCode.INVALID_LOT:
    case SuppliesExceptionCode.DIFFERENCE_REASON_REQUIRED:
    case SuppliesExceptionCode.DATE_OUT_OF_RANGE:
    case SuppliesExceptionCode.THRESHOLD_INVALID:
    case SuppliesExceptionCode.NEED_INVALID:
    case SuppliesExceptionCode.PLEDGE_CONTACT_REQUIRED:
      return ApiErrorCode.BAD_USER_INPUT;
    case SuppliesExceptionCode.ADJUSTMENT_REVERSAL_FORBIDDEN:
      return ApiErrorCode.FORBIDDEN;
    case SuppliesExceptionCode.ALREADY_REVERSED:
    case SuppliesExceptionCode.TRANSFER_NOT_IN_TRANSIT:
    case SuppliesExceptionCode.NEED_EXISTS:
    case SuppliesExceptionCode.NEED_CLOSED:
    case SuppliesExceptionCode.PLEDGE_LIMIT:
    case SuppliesExceptionCode.PLEDGE_SETTLED:
      return ApiErrorCode.CONFLICT;
  }
}

export class SuppliesException extends libException(apiCode) {}
