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

export enum TurnawayReason {
  NO_SPACE = 'no_space',
  NOT_ELIGIBLE = 'not_eligible',
  OTHER = 'other',
}

registerEnumType(BedKind, { name: 'BedKind' });
registerEnumType(AssignmentKind, { name: 'AssignmentKind' });
registerEnumType(AssignmentEnd, { name: 'AssignmentEnd' });
registerEnumType(TurnawayReason, { name: 'TurnawayReason' });
