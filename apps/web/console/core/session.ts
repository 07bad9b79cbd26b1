import { ApiErrorCode } from '@albergue/contracts';
import { type Signal, signal } from '@preact/signals';
import type { Client } from '@urql/core';
import { type ActError, actError } from '../graphql/errors.js';
import { graphql, type ResultOf } from '../graphql/graphql.js';

export const MeFields = graphql(`
  fragment MeFields on User @_unmask {
    id
    displayName
    email
    networkRole
    preferredLanguage
    secondFactor
    memberships {
      shelterId
      shelterName
      role
    }
    serviceIds
  }
`);

const MeQuery = graphql(
  `
    query Me {
      me {
        ...MeFields
      }
    }
  `,
  [MeFields],
);

const SignIn = graphql(
  `
    mutation SignIn($input: LoginInput!) {
      login(input: $input) {
        ...MeFields
      }
    }
  `,
  [MeFields],
);

const VerifySecondFactor = graphql(
  `
    mutation VerifySecondFactor($input: VerifySecondFactorInput!) {
      verifySecondFactor(input: $input) {
        ...MeFields
      }
    }
  `,
  [MeFields],
);

const SignOut = graphql(`
  mutation SignOut {
    logout
  }
`);

export type Me = ResultOf<typeof MeFields>;

/**
 * - checking: asking the server who this is (at start);
 * - signedOut: nobody, or the sign-in was refused;
 * - secondFactor: the password was right, the session owes a code (`REQUIRED`) or an enrolment
 *   (`ENROL`): `me.secondFactor` says which;
 * - signedIn: working;
 * - unreachable: no connection to ask (a page loaded offline): asked again when it returns.
 */
export type SessionState = 'checking' | 'signedOut' | 'secondFactor' | 'signedIn' | 'unreachable';

export interface Session {
  state: Signal<SessionState>;
  me: Signal<Me | null>;
  /**
   * The server ended a session that was working (timeout, logout elsewhere, deactivation): the
   * console asks for the sign-in again over the screen, which stays as it was, typing included.
   */
  ended: Signal<boolean>;
  refresh(): Promise<void>;
  signIn(email: string, password: string): Promise<ActError | undefined>;
  verify(input: { code: string } | { recoveryCode: string }): Promise<ActError | undefined>;
  /** After an enrolment, or anything else that moved what `me` says. */
  accept(me: Me): void;
  /**
   * Ends the session on the server, then loads a clean page. Without an answer it ends nothing and
   * says so (the error): the cookie would still open this console for the next person.
   */
  signOut(): Promise<ActError | undefined>;
  /** Called when any operation or the socket says the session is gone. */
  expired(): void;
}

export function createSession(client: () => Client): Session {
  const state = signal<SessionState>('checking');
  const me = signal<Me | null>(null);
  const ended = signal(false);
  // Who last worked in this page (not `me`, which holds whoever is half-way through a second
  // factor). Another person signing in here gets a fresh page: nothing of the previous one's
  // screens, answers in memory or address may stay on show.
  let worked: string | undefined;
  const accept = (user: Me) => {
    me.value = user;
    state.value = user.secondFactor === 'NONE' ? 'signedIn' : 'secondFactor';
    if (state.value === 'signedIn') {
      if (worked !== undefined && worked !== user.id) {
        location.assign('/console/');
        return;
      }
      worked = user.id;
      ended.value = false;
    }
  };
  return {
    state,
    me,
    ended,
    async refresh() {
      const result = await client()
        .query(MeQuery, {}, { requestPolicy: 'network-only' })
        .toPromise();
      if (result.data) {
        accept(result.data.me);
      } else if (actError(result.error)?.code === 'NETWORK') {
        state.value = 'unreachable';
        addEventListener('online', () => void this.refresh(), { once: true });
      } else {
        state.value = 'signedOut';
      }
    },
    async signIn(email, password) {
      const result = await client().mutation(SignIn, { input: { email, password } }).toPromise();
      if (result.data) {
        accept(result.data.login);
      }
      return actError(result.error);
    },
    async verify(input) {
      const result = await client().mutation(VerifySecondFactor, { input }).toPromise();
      if (result.data) {
        accept(result.data.verifySecondFactor);
      }
      return actError(result.error);
    },
    accept,
    async signOut() {
      const result = await client().mutation(SignOut, {}).toPromise();
      const error = actError(result.error);
      // UNAUTHENTICATED: the session had already ended; that is signed out too.
      if (error && error.code !== ApiErrorCode.UNAUTHENTICATED) {
        return error;
      }
      // A clean page, which then asks for a sign-in: the answers this person's screens read stay
      // in no memory of it. (No state is changed before: the page being left shows nothing new.)
      location.assign('/console/');
      return undefined;
    },
    expired() {
      if (state.value === 'signedIn') {
        ended.value = true;
      }
    },
  };
}
