import { registerEnumType } from '@nestjs/graphql';

export enum BedKind {
  BED = 'bed',
  BUNK = 'bunk',
  MAT = 'mat',
  CRIB = 'crib',
}

export enum AssignmentKind {
  HOLD = 'hold',
  STAY = 'stay',
}

export enum AssignmentEnd {
  CHECKED_OUT = 'checked_out',
  CHECKED_IN = 'checked_in',
  CANCELLED = 'cancelled',
  EXPIRED = 'expired',
  /** A stay ended by a move to another bed of the same shelter. */
  MOVED = 'moved',
  /** A stay ended by a transfer: a hold at the other shelter takes over. */
  TRANSFERRED = 'transferred',
  /** A transfer hold the receiving shelter turned down. */
  DECLINED = 'declined',
}

/** Why a receiving shelter turned a transfer down: words for the sender, never about a person. */
export enum DeclineReason {
  /** No bed or place for them now. */
  NO_ROOM = 'no_room',
  /** The shelter does not serve their group or cannot meet their needs. */
  NOT_SUITABLE = 'not_suitable',
  /** They did not come, or said they would not. */
  DID_NOT_COME = 'did_not_come',
  OTHER = 'other',
}

export enum TurnawayReason {
  NO_SPACE = 'no_space',
  NOT_ELIGIBLE = 'not_eligible',
  OTHER = 'other',
}

registerEnumType(BedKind, { name: 'BedKind' });
registerEnumType(AssignmentKind, { name: 'AssignmentKind' });
registerEnumType(AssignmentEnd, { name: 'AssignmentEnd' });
registerEnumType(TurnawayReason, { name: 'TurnawayReason' });
registerEnumType(DeclineReason, { name: 'DeclineReason' });
