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
}

registerEnumType(BedKind, { name: 'BedKind' });
registerEnumType(AssignmentKind, { name: 'AssignmentKind' });
registerEnumType(AssignmentEnd, { name: 'AssignmentEnd' });
