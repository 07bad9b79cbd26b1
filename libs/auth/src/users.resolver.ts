import { Allow, argPath, Role, UuidPipe } from '@albergue/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from './accounts.service.js';
import { CreateUserInput, MembershipInput, UpdateUserInput } from './dto/user.input.js';
import { Membership } from './membership.entity.js';
import { SessionsService } from './sessions.service.js';
import { User } from './user.entity.js';

/** What an admin does with accounts. */
@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
  ) {}

  @Allow([Role.ADMIN])
  @Query(() => [User])
  users(): Promise<User[]> {
    return this.accounts.list();
  }

  @Allow([Role.ADMIN])
  @Query(() => User)
  user(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<User> {
    return this.accounts.get(id);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => User, {
    description: 'The new user has no password: hand them a createPasswordReset token.',
  })
  createUser(@Args('input') input: CreateUserInput): Promise<User> {
    return this.accounts.create(input);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => User)
  updateUser(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateUserInput,
  ): Promise<User> {
    return this.accounts.update(id, input);
  }

  @Allow([Role.ADMIN], { shelterOf: argPath('input.shelterId') })
  @Mutation(() => User, { description: 'Gives a user a role in a shelter (or changes it).' })
  setMembership(@Args('input') input: MembershipInput): Promise<User> {
    return this.accounts.setMembership(input);
  }

  @Allow([Role.ADMIN], { shelterOf: argPath('shelterId') })
  @Mutation(() => User)
  removeMembership(
    @Args('userId', { type: () => ID }, UuidPipe) userId: string,
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
  ): Promise<User> {
    return this.accounts.removeMembership(userId, shelterId);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => User, {
    description:
      "Puts a user on a health service's staff (SERVICE_STAFF there: its referrals and capacity).",
  })
  setServiceMembership(
    @Args('userId', { type: () => ID }, UuidPipe) userId: string,
    @Args('serviceId', { type: () => ID }, UuidPipe) serviceId: string,
  ): Promise<User> {
    return this.accounts.setServiceMembership(userId, serviceId);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => User)
  removeServiceMembership(
    @Args('userId', { type: () => ID }, UuidPipe) userId: string,
    @Args('serviceId', { type: () => ID }, UuidPipe) serviceId: string,
  ): Promise<User> {
    return this.accounts.removeServiceMembership(userId, serviceId);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => Int, {
    description:
      'Ends every session of a user, effective on their next request; returns how many ended.',
  })
  endAllSessions(@Args('userId', { type: () => ID }, UuidPipe) userId: string): Promise<number> {
    return this.sessions.endAll(userId);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => String, {
    description:
      'A one-time token (valid 24 h) for the user to choose a password with resetPassword.',
  })
  createPasswordReset(
    @Args('userId', { type: () => ID }, UuidPipe) userId: string,
  ): Promise<string> {
    return this.accounts.createResetToken(userId);
  }

  @ResolveField(() => [Membership])
  memberships(@Parent() user: User): Membership[] {
    return user.memberships ?? [];
  }

  @ResolveField(() => [ID], { description: 'The health services whose staff the user is.' })
  serviceIds(@Parent() user: User): Promise<string[]> {
    return this.accounts.serviceIdsOf(user.id);
  }
}
