import {
  Allow,
  argPath,
  type Caller,
  CurrentCaller,
  recordScope,
  Role,
  UuidPipe,
} from '@albergue/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AsylumService } from './asylum.service.js';
import { DuplicatesService } from './duplicates.service.js';
import { RegisterHouseholdInput, ResidentDetailsInput } from './dto/resident.input.js';
import {
  FindResidentsArgs,
  LikelyMatchesArgs,
  RenameResidentArgs,
} from './dto/find-residents.args.js';
import { AppointmentsDueArgs, ResidentsArgs, SearchResidentsArgs } from './dto/residents.args.js';
import {
  AddAppointmentInput,
  ChangeAsylumStatusInput,
  SetAppointmentOutcomeInput,
  SetCaseStatusInput,
  WithdrawConsentInput,
} from './dto/track.input.js';
import { NameSearchService } from './name-search.service.js';
import { ResidentMatch } from './name-search.views.js';
import { ResidentAggregatesService } from './resident-aggregates.service.js';
import { ResidentLifecycleService } from './resident-lifecycle.service.js';
import {
  AppointmentView,
  HouseholdView,
  PossibleDuplicate,
  ResidentAggregates,
  ResidentEventView,
  ResidentView,
} from './resident.views.js';
import { ResidentsService } from './residents.service.js';

const STAFF = [Role.VOLUNTEER, Role.COORDINATOR];
const COORDINATORS = [Role.COORDINATOR];
/** The morning plan: health workers too, for their health appointments (AsylumService.due). */
const PLAN_READERS = [Role.VOLUNTEER, Role.COORDINATOR, Role.HEALTH_WORKER];

/** Residents' data: staff of their shelter only, each read audited; network roles get aggregates. */
@Resolver(() => ResidentView)
export class ResidentsResolver {
  constructor(
    private readonly residents: ResidentsService,
    private readonly asylum: AsylumService,
    private readonly lifecycle: ResidentLifecycleService,
    private readonly aggregatesService: ResidentAggregatesService,
    private readonly duplicates: DuplicatesService,
    private readonly names: NameSearchService,
  ) {}

  @Allow(STAFF, { shelterOf: argPath('input.shelterId') })
  @Mutation(() => HouseholdView, {
    description: 'Registers a family or group at the gate, all members or none.',
  })
  registerHousehold(
    @Args('input') input: RegisterHouseholdInput,
    @CurrentCaller() caller: Caller,
  ): Promise<HouseholdView> {
    return this.residents.registerHousehold(caller, input);
  }

  @Allow(STAFF, { shelterOf: recordScope('household', 'id') })
  @Query(() => HouseholdView)
  household(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<HouseholdView> {
    return this.residents.household(caller, id, 'view');
  }

  @Allow(STAFF, { shelterOf: recordScope('resident.view', 'id') })
  @Query(() => ResidentView)
  resident(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ResidentView> {
    return this.residents.get(caller, id, 'view');
  }

  @Allow(STAFF, { shelterOf: argPath('shelterId') })
  @Query(() => [ResidentView], {
    description: 'Residents of a shelter (and, for a while, those who left it).',
  })
  residentsOf(
    @Args() args: ResidentsArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<ResidentView[]> {
    return this.residents.list(caller, args.shelterId, args, args.first);
  }

  @Allow(STAFF, { shelterOf: argPath('shelterId') })
  @Query(() => [ResidentView], {
    description: 'Exact look-up by COMAR folio, document number, or full name and birth year.',
  })
  searchResidents(
    @Args() args: SearchResidentsArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<ResidentView[]> {
    return this.residents.search(caller, args.shelterId, args);
  }

  @Allow(STAFF, { shelterOf: argPath('shelterId') })
  @Query(() => [ResidentMatch], {
    description:
      'Residents of the shelters where you work, found by any part of their name and a birth-year range; best matches first.',
  })
  findResidents(
    @Args() args: FindResidentsArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<ResidentMatch[]> {
    return this.names.search(caller, args);
  }

  @Allow(STAFF, { shelterOf: argPath('shelterId') })
  @Query(() => [ResidentMatch], {
    description:
      'Before registering someone: people already on record who may be them (registerHousehold refuses with POSSIBLE_DUPLICATE unless confirmNew).',
  })
  likelyMatches(
    @Args() args: LikelyMatchesArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<ResidentMatch[]> {
    return this.names.likelyMatches(caller, args.name, args.birthYear, args.shelterId);
  }

  @Allow(STAFF, { shelterOf: recordScope('resident', 'id') })
  @Mutation(() => ResidentView)
  updateResident(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: ResidentDetailsInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ResidentView> {
    return this.residents.update(caller, id, input);
  }

  @Allow(STAFF, { shelterOf: recordScope('resident', 'id') })
  @Mutation(() => ResidentView, {
    description: 'Corrects how a name is written; finding the person by name follows at once.',
  })
  renameResident(
    @Args() args: RenameResidentArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<ResidentView> {
    return this.residents.rename(caller, args.id, args.name);
  }

  @Allow(STAFF, { shelterOf: recordScope('resident.view', 'residentId') })
  @Query(() => [ResidentEventView], {
    description: 'Case, asylum track and legal basis over time.',
  })
  residentHistory(
    @Args('residentId', { type: () => ID }, UuidPipe) residentId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ResidentEventView[]> {
    return this.lifecycle.history(caller, residentId);
  }

  @Allow(COORDINATORS, { shelterOf: recordScope('resident', 'input.residentId') })
  @Mutation(() => ResidentView)
  changeAsylumStatus(
    @Args('input') input: ChangeAsylumStatusInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ResidentView> {
    return this.asylum.changeStatus(caller, input);
  }

  @Allow(COORDINATORS, { shelterOf: recordScope('resident', 'input.residentId') })
  @Mutation(() => ResidentView)
  setCaseStatus(
    @Args('input') input: SetCaseStatusInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ResidentView> {
    return this.lifecycle.setCaseStatus(caller, input);
  }

  @Allow(STAFF, { shelterOf: recordScope('resident', 'input.residentId') })
  @Mutation(() => AppointmentView)
  addAppointment(
    @Args('input') input: AddAppointmentInput,
    @CurrentCaller() caller: Caller,
  ): Promise<AppointmentView> {
    return this.asylum.addAppointment(caller, input);
  }

  @Allow(STAFF, { shelterOf: recordScope('appointment', 'input.appointmentId') })
  @Mutation(() => AppointmentView)
  setAppointmentOutcome(
    @Args('input') input: SetAppointmentOutcomeInput,
    @CurrentCaller() caller: Caller,
  ): Promise<AppointmentView> {
    return this.asylum.setOutcome(caller, input);
  }

  @Allow(PLAN_READERS, { shelterOf: argPath('shelterId') })
  @Query(() => [AppointmentView], {
    description:
      'Appointments of the shelter’s residents in the coming hours, soonest first: their own (volunteers, coordinators) and HEALTH ones from referrals (coordinators and health workers; volunteers only where an escort is needed; health workers see only these).',
  })
  appointmentsDue(
    @Args() args: AppointmentsDueArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<AppointmentView[]> {
    return this.asylum.due(caller, args.shelterId, args.hours);
  }

  @Allow(STAFF, { shelterOf: recordScope('resident.view', 'residentId') })
  @Query(() => [AppointmentView], {
    description: 'A person’s appointments, in time order, with their outcomes.',
  })
  residentAppointments(
    @Args('residentId', { type: () => ID }, UuidPipe) residentId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<AppointmentView[]> {
    return this.asylum.appointmentsOfResident(caller, residentId);
  }

  @Allow(COORDINATORS, { shelterOf: recordScope('resident', 'input.residentId') })
  @Mutation(() => ResidentView)
  withdrawConsent(
    @Args('input') input: WithdrawConsentInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ResidentView> {
    return this.lifecycle.withdrawConsent(caller, input);
  }

  @Allow(COORDINATORS, { shelterOf: recordScope('resident', 'id') })
  @Mutation(() => ResidentView, {
    description: 'Erasure on request: identifying data goes at once; counts stay.',
  })
  eraseResident(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ResidentView> {
    return this.lifecycle.erase(caller, id);
  }

  @Allow(COORDINATORS, { shelterOf: recordScope('resident', 'id') })
  @Query(() => String, {
    description: 'Subject access: everything on record about the person, as JSON.',
  })
  exportResident(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<string> {
    return this.lifecycle.export(caller, id);
  }

  @Allow([Role.NETWORK_COORDINATOR, Role.ADMIN, Role.COORDINATOR], {
    shelterOf: argPath('shelterId'),
  })
  @Query(() => ResidentAggregates, {
    description: 'Counts without identities; omit shelterId for the whole network (network roles).',
  })
  residentAggregates(
    @Args('shelterId', { type: () => ID, nullable: true }, UuidPipe) shelterId: string | null,
  ): Promise<ResidentAggregates> {
    return this.aggregatesService.aggregates(shelterId);
  }

  @Allow(STAFF, { shelterOf: argPath('shelterId') })
  @Query(() => [PossibleDuplicate], {
    description: 'Records here that match records in other shelters where you also work.',
  })
  possibleDuplicates(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<PossibleDuplicate[]> {
    return this.duplicates.find(caller, shelterId);
  }

  @Allow(COORDINATORS, {
    scopeMode: 'all',
    shelterOf: async (args, scopes) => [
      ...(await scopes.shelters('resident', String(args.keepId))),
      ...(await scopes.shelters('resident', String(args.mergeId))),
    ],
  })
  @Mutation(() => ID, {
    description: 'Merges a duplicate into the record kept; needs a coordinator of both shelters.',
  })
  mergeResidents(
    @Args('keepId', { type: () => ID }, UuidPipe) keepId: string,
    @Args('mergeId', { type: () => ID }, UuidPipe) mergeId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<string> {
    return this.duplicates.merge(caller, keepId, mergeId);
  }
}
