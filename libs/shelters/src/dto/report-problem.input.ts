import { PROBLEM_REASONS, type ProblemReasonName } from '@albergue/contracts';
import { IsIn, IsUUID } from 'class-validator';

/**
 * A person's report (libs/contracts ProblemReport), as the public HTTP route validates it:
 * exactly these two fields, so that nothing else (a note, a place) can ride along.
 */
export class ReportProblemInput {
  @IsUUID()
  shelterId: string;

  @IsIn(PROBLEM_REASONS)
  reason: ProblemReasonName;
}
