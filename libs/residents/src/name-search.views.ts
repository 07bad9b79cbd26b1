import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ResidentView } from './resident.views.js';

@ObjectType({ description: 'A resident found by parts of their name, with how well it matched.' })
export class ResidentMatch {
  @Field(() => ResidentView)
  resident: ResidentView;

  @Field(() => Int, { description: 'Tokens of the name searched that the record has as written.' })
  matchedTokens: number;

  @Field(() => Int, {
    description: 'Tokens of the name searched that sound like one of the record’s.',
  })
  matchedSounds: number;
}
