import {
  type Actor,
  Authenticated,
  type Caller,
  CurrentActor,
  CurrentCaller,
  type GraphQLContext,
  Public,
} from '@albergue/common';
import { Vault } from '@albergue/vault';
import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccountsService } from './accounts.service.js';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';
import {
  ChangePasswordInput,
  CompleteSetupInput,
  LoginInput,
  ResetPasswordInput,
} from './dto/password.input.js';
import { FirstStartService } from './first-start.service.js';
import { LoginService } from './login.service.js';
import { requestMeta } from './request-meta.js';
import { clearedSessionCookie, sessionCookie } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';
import { SecondFactorStep, User } from './user.entity.js';

function withStep(user: User, pending: 'verify' | 'enrol' | undefined): User {
  user.secondFactor =
    pending === 'verify'
      ? SecondFactorStep.REQUIRED
      : pending === 'enrol'
        ? SecondFactorStep.ENROL
        : SecondFactorStep.NONE;
  return user;
}

/**
 * The user's key for the console's offline queue: a keyed hash of their id under the vault's
 * look-up key (32 bytes), so no table holds it and nobody without the server's key can derive it.
 */
export function offlineQueueKey(vault: Vault, userId: string): string {
  return vault.hash('offline-queue-key', userId)!;
}

/** Signing in and out, and one's own password. The session lives in an HttpOnly cookie, never in script reach. */
@Resolver(() => User)
export class AuthResolver {
  constructor(
    private readonly login: LoginService,
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
    private readonly firstStart: FirstStartService,
    private readonly vault: Vault,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  @Public({ auditsItself: true })
  @Mutation(() => User, { name: 'login' })
  async signIn(
    @Args('input') input: LoginInput,
    @Context() context: GraphQLContext,
  ): Promise<User> {
    const meta = requestMeta(context.req);
    const { user, token, step } = await this.login.login(input.email, input.password, meta);
    context.reply.header(
      'set-cookie',
      sessionCookie(token, {
        secure: meta.secure,
        maxAgeSeconds: this.options.sessionMaxMs / 1000,
      }),
    );
    return withStep(await this.accounts.get(user.id), step ?? undefined);
  }

  @Authenticated({ duringSecondFactor: 'both' })
  @Mutation(() => Boolean, {
    name: 'logout',
    description: 'Ends this session; the cookie stops working at once.',
  })
  async signOut(
    @CurrentActor() actor: Actor,
    @Context() context: GraphQLContext,
  ): Promise<boolean> {
    await this.sessions.end(actor.sessionId);
    context.reply.header('set-cookie', clearedSessionCookie(requestMeta(context.req).secure));
    return true;
  }

  @Authenticated({ duringSecondFactor: 'both' })
  @Query(() => User, {
    description:
      'The signed-in user, with their roles and the shelters they work in; `secondFactor` says what this session still owes.',
  })
  async me(@CurrentActor() actor: Actor): Promise<User> {
    const user = await this.accounts.get(actor.userId);
    // The memberships in force (the session's): a field visit past its end is no workplace.
    user.memberships = (user.memberships ?? []).filter((m) => actor.memberships.has(m.shelterId));
    return withStep(user, actor.pendingStep);
  }

  @Authenticated()
  @Query(() => String, {
    description:
      'The key (AES-256, base64url) a console encrypts its queue of acts made offline with: the same for this user after signing in again, another for anyone else; never stored in the browser.',
  })
  offlineQueueKey(@CurrentActor() actor: Actor): string {
    return offlineQueueKey(this.vault, actor.userId);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Other sessions of this user end; this one goes on.' })
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @CurrentCaller() caller: Caller,
  ): Promise<boolean> {
    await this.accounts.changePassword(
      caller.actor.userId,
      caller.actor.sessionId,
      input.currentPassword,
      input.newPassword,
      caller.ip,
    );
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'With the one-time token an admin handed over; every session of the user ends.',
  })
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    await this.accounts.resetPassword(input.token, input.newPassword);
    return true;
  }

  @Public()
  @Mutation(() => User, {
    description: 'Creates the first admin with the setup token printed at first start.',
  })
  completeSetup(@Args('input') input: CompleteSetupInput): Promise<User> {
    return this.firstStart.completeSetup(input);
  }
}
