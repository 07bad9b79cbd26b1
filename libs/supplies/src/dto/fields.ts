import { Field } from '@nestjs/graphql';
import { IsISO8601, IsNotEmpty, IsOptional, Matches, MaxLength } from 'class-validator';

/** A day as inputs write it (the checks of `IsISO8601` accept more). */
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Applies each decorator to one property, as stacking them would. */
const all =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorate of decorators) {
      decorate(target, key);
    }
  };

/** An optional day, YYYY-MM-DD; the error names the field. */
export function DayField(description: string): PropertyDecorator {
  return (target, key) =>
    all(
      Field(() => String, { nullable: true, description }),
      IsOptional(),
      IsISO8601({ strict: true }),
      Matches(DAY, { message: `${String(key)} must be a day written YYYY-MM-DD` }),
    )(target, key);
}

/**
 * An optional lot number as printed on a package: checked as a code by the ledger (LOT_CODE,
 * INVALID_LOT naming the field); here only its length, so that a page of text is refused early.
 */
export function LotField(description?: string): PropertyDecorator {
  return all(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    IsNotEmpty(),
    MaxLength(60),
  );
}
