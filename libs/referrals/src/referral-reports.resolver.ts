import {
  Allow,
  argPath,
  type Caller,
  CurrentCaller,
  recordScope,
  recordServices,
  Role,
  UuidPipe,
} from '@albergue/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { ReferralFiguresService } from './figures/referral-figures.service.js';
import { ReferralFigures, ReferralFiguresArgs } from './figures/referral-figures.views.js';
import { ReferralFhirService } from './fhir/referral-fhir.service.js';

/** Who reads the figures: a shelter's health team, a service's staff, the network's roles. */
const FIGURES = [
  Role.HEALTH_WORKER,
  Role.COORDINATOR,
  Role.SERVICE_STAFF,
  Role.NETWORK_COORDINATOR,
  Role.ADMIN,
];
const FIGURES_SCOPE = { shelterOf: argPath('shelterId'), serviceOf: argPath('serviceId') };

/** What leaves the loop for others to read: a referral in FHIR R4, and the health figures. */
@Resolver()
export class ReferralReportsResolver {
  constructor(
    private readonly fhir: ReferralFhirService,
    private readonly figuresService: ReferralFiguresService,
  ) {}

  @Allow([Role.HEALTH_WORKER, Role.SERVICE_STAFF], {
    shelterOf: recordScope('referral', 'id'),
    serviceOf: recordServices('referral', 'id'),
  })
  @Query(() => String, {
    description:
      'The referral as a FHIR R4 Bundle (collection: ServiceRequest, Task, pseudonymous Patient), as JSON. The reason only when the consent shares it with the service; audited.',
  })
  referralFhir(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<string> {
    return this.fhir.export(caller, id);
  }

  @Allow(FIGURES, FIGURES_SCOPE)
  @Query(() => ReferralFigures, {
    description:
      'Referrals sent in a period by category, urgency, service and outcome, times to acceptance and completion, no-show rate: small cells pooled, counts rounded to 5. A shelter (its health workers and coordinators), a service (its staff), or the network (network roles).',
  })
  referralFigures(@Args() args: ReferralFiguresArgs): Promise<ReferralFigures> {
    return this.figuresService.figures(args);
  }

  @Allow(FIGURES, FIGURES_SCOPE)
  @Query(() => String, { description: 'The same figures as referralFigures, as CSV, for export.' })
  referralFiguresCsv(@Args() args: ReferralFiguresArgs): Promise<string> {
    return this.figuresService.csv(args);
  }
}
