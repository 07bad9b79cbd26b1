import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsUUID, Min, ValidateNested } from 'class-validator';

@InputType({ description: 'A shelter version the caller already holds.' })
export class KnownVersionInput {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  version: number;
}

@ArgsType()
export class ShelterChangesArgs {
  @Field(() => [KnownVersionInput], {
    description: 'Every shelter version the caller holds; empty for a full snapshot.',
  })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => KnownVersionInput)
  known: KnownVersionInput[];
}
