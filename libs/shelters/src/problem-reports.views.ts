import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ProblemReason } from './shelters.enums.js';

@ObjectType({ description: 'How many reports of one reason came on one day.' })
export class ProblemReportCount {
  @Field(() => String, { description: 'YYYY-MM-DD, in TIME_ZONE.' })
  day: string;

  @Field(() => ProblemReason)
  reason: ProblemReason;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description:
    'Problem reports about a shelter’s published figures or contact, by day and reason; nothing of who sent them.',
})
export class ShelterProblemReports {
  @Field(() => ID)
  shelterId: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When a burst of TURNED_AWAY_DESPITE_SPACE reports flagged the figures for the coordinator to check; null once a coordinator reports or confirms them. Nothing is lowered on its own.',
  })
  figuresQuestionedAt: Date | null;

  @Field(() => [ProblemReportCount], {
    description: 'Newest day first; days without reports left out.',
  })
  days: ProblemReportCount[];
}
