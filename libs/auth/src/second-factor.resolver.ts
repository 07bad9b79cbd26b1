import { Allow, Authenticated, type Caller, CurrentCaller, Role, UuidPipe } from '@albergue/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { AccountsService } from './accounts.service.js';
import {
  SecondFactorCodeInput,
  SecondFactorEnrolment,
  VerifySecondFactorInput,
} from './dto/second-factor.input.js';
import { SecondFactorService } from './second-factor.service.js';
import { SecondFactorStep, User } from './user.entity.js';

/**
 * The second factor: enrolment (required for network roles at their first sign-in, optional for
 * others), the code a sign-in owes, and an admin's reset. Each step audits itself.
 */
@Resolver()
export class SecondFactorResolver {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly accounts: AccountsService,
  ) {}

  @Authenticated({ auditsItself: true, duringSecondFactor: 'enrol' })
  @Mutation(() => SecondFactorEnrolment, {
    description:
      'A new TOTP secret for your authenticator app (shown once); it counts once confirmEnrolment has a code from it.',
  })
  enrolSecondFactor(@CurrentCaller() caller: Caller): Promise<SecondFactorEnrolment> {
    return this.secondFactor.enrol(caller);
  }

  @Authenticated({ auditsItself: true, duringSecondFactor: 'enrol' })
  @Mutation(() => [String], {
    description:
      'Confirms enrolment with a code from the app; returns ten one-time recovery codes, shown this once.',
  })
  confirmEnrolment(
    @Args('input') input: SecondFactorCodeInput,
    @CurrentCaller() caller: Caller,
  ): Promise<string[]> {
    return this.secondFactor.confirmEnrolment(caller, input.code);
  }

  @Authenticated({ auditsItself: true, duringSecondFactor: 'verify' })
  @Mutation(() => User, {
    description:
      'Finishes a sign-in that owes a second factor, with a code from the app or a recovery code (each works once).',
  })
  async verifySecondFactor(
    @Args('input') input: VerifySecondFactorInput,
    @CurrentCaller() caller: Caller,
  ): Promise<User> {
    await this.secondFactor.verify(caller, input);
    return Object.assign(await this.accounts.get(caller.actor.userId), {
      secondFactor: SecondFactorStep.NONE,
    });
  }

  @Allow([Role.ADMIN], { auditsItself: true })
  @Mutation(() => Boolean, {
    description:
      "Removes a user's second factor and recovery codes (a lost phone) and ends their sessions; a network role enrols again at the next sign-in.",
  })
  async resetSecondFactor(
    @Args('userId', { type: () => ID }, UuidPipe) userId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<boolean> {
    await this.secondFactor.reset(caller, userId);
    return true;
  }
}
