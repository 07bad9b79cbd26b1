import {
  type Actor,
  Allow,
  argPath,
  type Caller,
  CurrentActor,
  CurrentCaller,
  recordScope,
  Role,
  UuidPipe,
} from '@albergue/common';
import { Shelter } from '@albergue/shelters';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BedAssignment } from './bed-assignment.entity.js';
import { Bed } from './bed.entity.js';
import { BedView, RoomSetup } from './bed.views.js';
import { BedsModeService } from './beds-mode.service.js';
import { BedsModePreview } from './beds-mode.views.js';
import { BedsService } from './beds.service.js';
import { DailyFiguresArgs } from './dto/daily-figures.args.js';
import {
  AddBedsInput,
  BedsModeInput,
  CancelHoldInput,
  CheckInInput,
  CheckOutInput,
  CreateRoomInput,
  DeclineTransferInput,
  MoveInput,
  PlaceHoldInput,
  RegisterAndCheckInInput,
  SetBedOutOfServiceInput,
  TransferInput,
  TurnawayInput,
} from './dto/occupancy.input.js';
import { MovementsService } from './movements.service.js';
import { NetworkFiguresArgs } from './dto/network-figures.args.js';
import { DailyFigures, NetworkFigures } from './figures.views.js';
import { RecordsService } from './records.service.js';
import { Turnaway } from './turnaway.entity.js';
import { CheckInService } from './check-in.service.js';
import { HoldsService } from './holds.service.js';
import { AssignmentKind } from './occupancy.enums.js';
import { Room } from './room.entity.js';

const STAFF = [Role.VOLUNTEER, Role.COORDINATOR];
/**
 * A shelter's set-up (rooms, beds, the switch to beds mode): its coordinator, or an admin setting
 * up a new shelter before anyone works there (issue 19). Who is in the beds stays the staff's.
 */
const SET_UP = [Role.COORDINATOR, Role.ADMIN];

/**
 * A transfer acts at the shelter it moves people from, and where each person named is now (their
 * bed, else where they are registered): a coordinator of all of them. A household moves those of
 * its members checked in at fromShelterId, which the service checks.
 */
const transferScope: ReturnType<typeof argPath> = async (args, scopes) => {
  const input = args.input as { fromShelterId?: unknown; residentIds?: unknown } | undefined;
  const from = argPath('input.fromShelterId')(args, scopes);
  const ids = Array.isArray(input?.residentIds)
    ? input.residentIds.filter((id): id is string => typeof id === 'string')
    : [];
  const where = (await Promise.all(ids.map((id) => scopes.shelters('stay', id)))).flat();
  return [...new Set([...(typeof from === 'string' ? [from] : []), ...where])];
};

/** Beds mode: volunteers check people in and out; coordinators also set up beds and place holds. */
@Resolver(() => BedAssignment)
export class OccupancyResolver {
  constructor(
    private readonly beds: BedsService,
    private readonly checkIns: CheckInService,
    private readonly holds: HoldsService,
    private readonly movements: MovementsService,
    private readonly records: RecordsService,
    private readonly bedsMode: BedsModeService,
  ) {}

  @ResolveField(() => ID, {
    nullable: true,
    description:
      'For a hold: its id, the one checkIn, cancelHold and declineTransfer take (the places of one hold share it).',
  })
  holdId(@Parent() assignment: BedAssignment): string | null {
    return assignment.kind === AssignmentKind.HOLD ? assignment.groupId : null;
  }

  @Allow(SET_UP, { shelterOf: argPath('input.shelterId') })
  @Mutation(() => Room)
  createRoom(@Args('input') input: CreateRoomInput): Promise<Room> {
    return this.beds.createRoom(input);
  }

  @Allow(SET_UP, { shelterOf: recordScope('room', 'input.roomId') })
  @Mutation(() => [Bed], {
    description:
      'Adds beds to a room and answers them in natural label order. In counts mode nothing public changes until switchToBedsMode.',
  })
  addBeds(@Args('input') input: AddBedsInput): Promise<Bed[]> {
    return this.beds.addBeds(input);
  }

  @Allow(SET_UP, { shelterOf: argPath('shelterId'), auditsItself: true })
  @Query(() => BedsModePreview, {
    description:
      'The figures a switch to beds mode would publish, and what is missing for it. An admin’s read of a sensitive shelter is audited.',
  })
  bedsModePreview(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<BedsModePreview> {
    return this.bedsMode.preview(caller, shelterId);
  }

  @Allow(SET_UP, { shelterOf: argPath('input.shelterId') })
  @Mutation(() => Shelter, {
    description:
      'The shelter’s public figures come from its beds from now on; refused while a group it serves has no bed.',
  })
  switchToBedsMode(@Args('input') input: BedsModeInput): Promise<Shelter> {
    return this.bedsMode.switchToBedsMode(input);
  }

  @Allow(SET_UP, { shelterOf: recordScope('bed', 'input.bedId') })
  @Mutation(() => Bed, { description: 'A reason takes the bed out of service; null puts it back.' })
  setBedOutOfService(@Args('input') input: SetBedOutOfServiceInput): Promise<Bed> {
    return this.beds.setOutOfService(input);
  }

  @Allow(SET_UP, { shelterOf: argPath('shelterId'), auditsItself: true })
  @Query(() => [RoomSetup], {
    description:
      'A shelter’s rooms, empty ones too, each with its beds in natural label order: the set-up, not who is in them (that is bedBoard’s). An admin’s read of a sensitive shelter is audited.',
  })
  rooms(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<RoomSetup[]> {
    return this.beds.rooms(caller, shelterId);
  }

  @Allow(STAFF, { shelterOf: argPath('shelterId') })
  @Query(() => [BedView])
  bedBoard(@Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string): Promise<BedView[]> {
    return this.beds.board(shelterId);
  }

  @Allow(STAFF, { shelterOf: argPath('input.shelterId') })
  @Mutation(() => [BedAssignment], {
    description: 'One person or a household into beds, all together or nobody.',
  })
  checkIn(
    @Args('input') input: CheckInInput,
    @CurrentActor() actor: Actor,
  ): Promise<BedAssignment[]> {
    return this.checkIns.checkIn(actor.userId, input);
  }

  @Allow(STAFF, { shelterOf: recordScope('stay', 'input.residentId') })
  @Mutation(() => BedAssignment)
  checkOut(
    @Args('input') input: CheckOutInput,
    @CurrentActor() actor: Actor,
  ): Promise<BedAssignment> {
    return this.checkIns.checkOut(actor.userId, input);
  }

  @Allow(STAFF, { shelterOf: argPath('input.shelterId') })
  @Mutation(() => [BedAssignment], {
    description: 'At the gate: register and check in as one act; no bed, nobody registered.',
  })
  registerAndCheckIn(
    @Args('input') input: RegisterAndCheckInInput,
    @CurrentCaller() caller: Caller,
  ): Promise<BedAssignment[]> {
    return this.checkIns.registerAndCheckIn(caller, input);
  }

  @Allow([Role.COORDINATOR], { shelterOf: transferScope, scopeMode: 'all' })
  @Mutation(() => [BedAssignment], {
    description: 'Keeps beds, here or at another shelter, for people on the way.',
  })
  placeHold(
    @Args('input') input: PlaceHoldInput,
    @CurrentActor() actor: Actor,
  ): Promise<BedAssignment[]> {
    return this.holds.placeHold(actor.userId, input);
  }

  @Allow([Role.COORDINATOR], { shelterOf: recordScope('hold.placed', 'input.holdId') })
  @Mutation(() => [BedAssignment])
  cancelHold(@Args('input') input: CancelHoldInput): Promise<BedAssignment[]> {
    return this.holds.cancelHold(input);
  }

  @Allow(STAFF, { shelterOf: recordScope('stay', 'input.residentId') })
  @Mutation(() => BedAssignment, { description: 'Another bed of the same shelter.' })
  move(@Args('input') input: MoveInput, @CurrentActor() actor: Actor): Promise<BedAssignment> {
    return this.movements.move(actor.userId, input);
  }

  @Allow([Role.COORDINATOR], { shelterOf: transferScope, scopeMode: 'all' })
  @Mutation(() => [BedAssignment], {
    description:
      'Closes the stays here and opens one hold (its holdId) at the other shelter, as one act: a household together.',
  })
  transfer(
    @Args('input') input: TransferInput,
    @CurrentActor() actor: Actor,
  ): Promise<BedAssignment[]> {
    return this.movements.transfer(actor.userId, input);
  }

  @Allow(STAFF, { shelterOf: recordScope('hold', 'input.holdId') })
  @Mutation(() => [BedAssignment], { description: 'The receiving shelter turns a transfer down.' })
  declineTransfer(@Args('input') input: DeclineTransferInput): Promise<BedAssignment[]> {
    return this.movements.decline(input);
  }

  @Allow(STAFF, { shelterOf: argPath('shelterId') })
  @Query(() => [BedAssignment], {
    description:
      'Holds on this shelter’s beds now and who placed them (originShelterId); its coordinator may cancel any.',
  })
  holdsAt(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
  ): Promise<BedAssignment[]> {
    return this.movements.holdsAt(shelterId);
  }

  @Allow(STAFF, { shelterOf: argPath('shelterId') })
  @Query(() => [BedAssignment], {
    description: 'Transfers sent from this shelter and how each ended, or not yet.',
  })
  transfersFrom(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
  ): Promise<BedAssignment[]> {
    return this.movements.transfersFrom(shelterId);
  }

  @Allow(STAFF, { shelterOf: argPath('input.shelterId') })
  @Mutation(() => Turnaway)
  recordTurnaway(
    @Args('input') input: TurnawayInput,
    @CurrentActor() actor: Actor,
  ): Promise<Turnaway> {
    return this.records.recordTurnaway(actor.userId, input);
  }

  @Allow([Role.COORDINATOR, Role.NETWORK_COORDINATOR, Role.ADMIN], {
    shelterOf: argPath('shelterId'),
    auditsItself: true,
  })
  @Query(() => [DailyFigures], {
    description:
      'Occupied, capacity, bed-nights, arrivals, departures and turnaways per day. A network role’s read of a sensitive shelter is audited.',
  })
  dailyFigures(
    @Args() args: DailyFiguresArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<DailyFigures[]> {
    return this.records.daily(caller, args.shelterId, args.from, args.to);
  }

  @Allow([Role.COORDINATOR, Role.NETWORK_COORDINATOR, Role.ADMIN], {
    shelterOf: argPath('shelterId'),
    auditsItself: true,
  })
  @Query(() => [NetworkFigures], {
    description:
      'The network’s daily figures added up by shelter, borough or day, or into one row (NETWORK), from `from` to `to` (at most 92 days), of every shelter, of one borough’s or of one shelter: each group the sum of its shelters’ dailyFigures. The network for network roles; one shelter also for its coordinator. A network role’s read of a sensitive shelter is audited.',
  })
  networkFigures(
    @Args() args: NetworkFiguresArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<NetworkFigures[]> {
    return this.records.network(
      caller,
      args.from,
      args.to,
      args.groupBy,
      args.borough ?? null,
      args.shelterId ?? null,
    );
  }
}
