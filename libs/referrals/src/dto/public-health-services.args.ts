import { GeoPointInput } from '@albergue/shelters';
import { ArgsType, Field, Float, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** At most this many services in one answer: a sheet lists a few, `/text` a borough's. */
export const MAX_PUBLIC_SERVICES = 50;
/** "Near" by default: a walk or a short ride from a shelter. */
export const DEFAULT_NEAR_KM = 5;

@ArgsType()
export class PublicHealthServicesArgs {
  @Field(() => GeoPointInput, {
    nullable: true,
    description:
      'Nearest first from here, within `radiusKm` (a sensitive service counts from its borough’s centre, never its door).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  near?: GeoPointInput;

  @Field(() => Float, { nullable: true, description: 'With `near`; 5 km unless given.' })
  @IsOptional()
  @Min(0.1)
  @Max(50)
  radiusKm?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Only the services of this borough (a code of the catalogue: cdmx-cuauhtemoc).',
  })
  @IsOptional()
  @MaxLength(60)
  @Matches(/^[a-z0-9-]+$/)
  boroughCode?: string;

  @Field(() => Int, {
    nullable: true,
    description: `10 unless given; at most ${MAX_PUBLIC_SERVICES}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PUBLIC_SERVICES)
  first?: number;
}
