import { Allow, argPath, Role } from '@albergue/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ProblemReportsArgs } from './dto/problem-reports.args.js';
import { reportPeriod } from './problem-reports.period.js';
import { ProblemReportsService } from './problem-reports.service.js';
import { ShelterProblemReports } from './problem-reports.views.js';

@Resolver(() => ShelterProblemReports)
export class ProblemReportsResolver {
  constructor(private readonly reports: ProblemReportsService) {}

  @Allow([Role.VOLUNTEER, Role.COORDINATOR, Role.NETWORK_COORDINATOR, Role.ADMIN], {
    shelterOf: argPath('shelterId'),
  })
  @Query(() => [ShelterProblemReports], {
    description:
      'What the public reported about a shelter’s figures or contact, by day and reason, and whether a burst flagged its figures: over the last `days` days, or from `from` to `to`.',
  })
  problemReports(
    @Args() { shelterId, days, from, to }: ProblemReportsArgs,
  ): Promise<ShelterProblemReports[]> {
    return this.reports.counts(shelterId ?? null, reportPeriod(days, from, to));
  }
}
