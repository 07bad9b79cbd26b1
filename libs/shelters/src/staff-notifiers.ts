import type { StaffServerEvents } from '@albergue/contracts';
import { Injectable } from '@nestjs/common';
import type { Shelter } from './shelter.entity.js';

// What staff screens are told comes from notifiers that the libs register here; the realtime
// layer (apps/api/src/realtime) is their transport only: it holds the sockets and rooms, calls
// every notifier at the three moments below and sends what they say. This contract lives in the
// shelters lib, not in common, because every staff message is about a shelter: the audiences
// are a shelter's staff, the change hook carries the shelter's new state (this lib's entity),
// and every lib with something to tell staff (occupancy, residents; referrals and supplies
// later) depends on this one already. No lib imports apps/, so none knows the gateway.

/**
 * Who hears a message: a shelter's staff (every role), those who work its bed board (volunteers
 * and coordinators, who also see residents' appointments), its health roles (health workers and
 * coordinators, who follow its referrals), a health service's staff, or the network roles.
 */
export type StaffAudience =
  { shelter: string } | { board: string } | { health: string } | { service: string } | 'network';

/** What a notifier may send: every staff event but `signedOut`, which is the gateway's own. */
export type StaffEvent = Exclude<keyof StaffServerEvents, 'signedOut'>;

/** Sends to audiences; a socket in several of them gets the message once. */
export type StaffSend = <E extends StaffEvent>(
  to: StaffAudience | StaffAudience[],
  event: E,
  ...payload: Parameters<StaffServerEvents[E]>
) => void;

/** Sends to the one socket that just connected. */
export type StaffReply = <E extends StaffEvent>(
  event: E,
  ...payload: Parameters<StaffServerEvents[E]>
) => void;

/** Whose messages a socket, or all of this instance's sockets together, listen for. */
export interface StaffListeners {
  /** Shelters whose staff audience has a socket. */
  shelters: string[];
  /** Shelters whose bed board audience has a socket. */
  boards: string[];
  /** Shelters whose health audience (health workers, coordinators) has a socket. */
  health: string[];
  /** Health services whose staff audience has a socket. */
  services: string[];
  network: boolean;
}

/** A socket joined. */
export interface StaffConnection {
  /** Whose messages this socket listens for. */
  socket: StaffListeners;
  reply: StaffReply;
  /** The shelter as this instance last read it (the version a message carries), if it has. */
  known: (shelterId: string) => Shelter | undefined;
}

/**
 * A shelter's availability version went up: this instance read its new state after the commit
 * that changed it (PostgreSQL's notification, or a sweep that compared versions).
 */
export interface StaffChange {
  shelter: Shelter;
  /** Whose messages this instance's sockets listen for. */
  listening: StaffListeners;
  send: StaffSend;
}

/** Every STAFF_CHECK: the time for look-aheads (a hold about to lapse, appointments coming up). */
export interface StaffCheck {
  listening: StaffListeners;
  send: StaffSend;
}

/**
 * A PostgreSQL notification on a channel the notifier named (`channels`): sent on commit by
 * whichever instance (or SQL session) made the change, to every instance. What was notified while
 * this instance's listening connection was away is lost; `onReconnect` and `onCheck` are the
 * places to catch up.
 */
export interface StaffSignal {
  channel: string;
  payload: string;
  listening: StaffListeners;
  send: StaffSend;
}

/**
 * One lib's part of what staff are told, at any of four moments. A hook may fail (the database
 * went away): the realtime layer logs it with the shelters' ids, counts it in /health
 * (`staffUndelivered`) and still runs the other notifiers. Messages carry ids, never a name (the
 * screen asks GraphQL, where the read is audited). What a notifier remembers (what it already
 * said) is this instance's own, like the sockets it serves.
 */
export interface StaffNotifier {
  /** Names the notifier in logs. */
  readonly name: string;
  onConnect?(connection: StaffConnection): Promise<void> | void;
  onChange?(change: StaffChange): Promise<void> | void;
  onCheck?(check: StaffCheck): Promise<void> | void;
  /** PostgreSQL channels whose notifications reach `onSignal` (each instance LISTENs on them). */
  readonly channels?: readonly string[];
  onSignal?(signal: StaffSignal): Promise<void> | void;
  /**
   * This instance's listening connection (re)started: notifications sent while it was down are
   * lost, so a notifier with `channels` catches up from the database here (and in `onCheck`, for
   * a loss nobody noticed).
   */
  onReconnect?(check: StaffCheck): Promise<void> | void;
}

/**
 * Where libs register their notifiers, at construction (as with the ScopeRegistry), so that
 * every one is there before the first socket connects. The realtime layer runs them in the
 * order they registered.
 */
@Injectable()
export class StaffNotifiers {
  private readonly registered: StaffNotifier[] = [];

  register(notifier: StaffNotifier): void {
    this.registered.push(notifier);
  }

  all(): readonly StaffNotifier[] {
    return this.registered;
  }

  /** Every channel a notifier listens to, once each. */
  channels(): string[] {
    return [...new Set(this.registered.flatMap((notifier) => notifier.channels ?? []))];
  }
}
