import {
  type Actor,
  Allow,
  argPath,
  Authenticated,
  type Caller,
  CurrentActor,
  CurrentCaller,
  Role,
  UuidPipe,
} from '@albergue/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CreateHealthServiceInput,
  HealthServiceFilter,
  ReportServiceCapacityInput,
  ServiceFitArgs,
  UpdateHealthServiceInput,
} from './dto/health-service.input.js';
import { HealthServiceView, ServiceFit } from './health-service.views.js';
import { HealthServicesService } from './health-services.service.js';

/**
 * The health services directory. Who reads it: the staff who refer, that is health workers and
 * coordinators of a shelter, naming the shelter they refer from (`shelterId`: the guard checks
 * their role there, as for every shelter role); network coordinators and admins anywhere; a
 * service's own staff their services (`myHealthServices`, or `healthService` on their own).
 * Admins describe services; a service's staff (or an admin) report its capacity.
 */
@Resolver(() => HealthServiceView)
export class HealthServicesResolver {
  constructor(private readonly services: HealthServicesService) {}

  @Allow([Role.ADMIN])
  @Mutation(() => HealthServiceView)
  createHealthService(@Args('input') input: CreateHealthServiceInput): Promise<HealthServiceView> {
    return this.services.create(input);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => HealthServiceView)
  updateHealthService(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateHealthServiceInput,
  ): Promise<HealthServiceView> {
    return this.services.update(id, input);
  }

  @Allow([Role.SERVICE_STAFF, Role.ADMIN], { serviceOf: argPath('input.serviceId') })
  @Mutation(() => HealthServiceView, {
    description:
      'The service’s staff say whether it takes people now (WAITLIST with the typical wait); who and when is kept. Older than SERVICE_STALE_AFTER it reads UNKNOWN.',
  })
  reportServiceCapacity(
    @Args('input') input: ReportServiceCapacityInput,
    @CurrentActor() actor: Actor,
  ): Promise<HealthServiceView> {
    return this.services.reportCapacity(input, actor);
  }

  @Allow([Role.HEALTH_WORKER, Role.COORDINATOR, Role.NETWORK_COORDINATOR, Role.ADMIN], {
    shelterOf: argPath('shelterId'),
  })
  @Query(() => [HealthServiceView], {
    description:
      'The services one may refer to, with their capacity now. Health workers and coordinators name the shelter they refer from (shelterId); network roles need not.',
  })
  healthServices(
    @Args('shelterId', { type: () => ID, nullable: true }, UuidPipe) _shelterId: string | null,
    @Args('filter', { type: () => HealthServiceFilter, nullable: true })
    filter: HealthServiceFilter | null,
  ): Promise<HealthServiceView[]> {
    return this.services.list(filter ?? {});
  }

  @Allow(
    [
      Role.HEALTH_WORKER,
      Role.COORDINATOR,
      Role.SERVICE_STAFF,
      Role.NETWORK_COORDINATOR,
      Role.ADMIN,
    ],
    { shelterOf: argPath('shelterId'), serviceOf: argPath('id') },
  )
  @Query(() => HealthServiceView, {
    description:
      'One service: for its own staff, or for health workers and coordinators naming the shelter they refer from (shelterId), or network roles.',
  })
  healthService(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('shelterId', { type: () => ID, nullable: true }, UuidPipe) _shelterId: string | null,
  ): Promise<HealthServiceView> {
    return this.services.get(id);
  }

  @Authenticated()
  @Query(() => [HealthServiceView], {
    description: 'The services whose staff you are (none for anyone else).',
  })
  myHealthServices(@CurrentActor() actor: Actor): Promise<HealthServiceView[]> {
    return this.services.mine(actor);
  }

  @Allow([Role.HEALTH_WORKER, Role.COORDINATOR, Role.NETWORK_COORDINATOR, Role.ADMIN], {
    shelterOf: argPath('shelterId'),
  })
  @Query(() => ServiceFit, {
    description:
      'Before referring: a service’s conditions against a person’s (language, group, capacity now; requirements to check, documents are not on record). Either a resident staying at the shelter you refer from (their record is read, audited), or a person described by languages and group (a field visit).',
  })
  serviceFit(@Args() args: ServiceFitArgs, @CurrentCaller() caller: Caller): Promise<ServiceFit> {
    return this.services.fit(args, caller);
  }
}
