import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsNotEmpty, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class FindResidentsArgs {
  @Field(() => ID, {
    description: 'A shelter where you work; the search covers every one of them.',
  })
  @IsUUID()
  shelterId: string;

  @Field(() => String, {
    description:
      'Any part of the name: a given name alone, a family name alone, or several; accents, case and spelling variants are forgiven.',
  })
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYearFrom?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYearTo?: number;

  @Field(() => Int, { defaultValue: 20, description: 'At most 50.' })
  @IsInt()
  @Min(1)
  @Max(50)
  first: number = 20;

  @Field(() => Int, {
    defaultValue: 0,
    description: 'Matches to skip, for the next page; at most 500.',
  })
  @IsInt()
  @Min(0)
  @Max(500)
  offset: number = 0;
}

@ArgsType()
export class LikelyMatchesArgs {
  @Field(() => ID, { description: 'The shelter registering the person.' })
  @IsUUID()
  shelterId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;
}

@ArgsType()
export class RenameResidentArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => String, { description: 'The name as it should be written from now on.' })
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}
