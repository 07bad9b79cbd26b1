import { SessionsService } from '@albergue/auth';
import {
  type Actor,
  ApiErrorCode,
  NETWORK_ROLES,
  Role,
  runEvery,
  type ShelterRole,
} from '@albergue/common';
import type { StaffClientEvents, StaffServerEvents } from '@albergue/contracts';
import type { StaffAudience, StaffListeners, StaffReply, StaffSend } from '@albergue/shelters';
import { Inject, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { AvailabilityFeed, type FeedChange } from './availability-feed.js';
import { DatabaseSignals } from './database-signals.js';
import { REALTIME_OPTIONS, type RealtimeOptions } from './realtime.options.js';
import { StaffDispatch } from './staff-dispatch.js';

type StaffSocket = Socket<StaffClientEvents, StaffServerEvents, never, { actor: Actor }>;

/** Roles that work the bed board and see residents' appointments (as the GraphQL policies say). */
const BOARD_ROLES: ShelterRole[] = [Role.VOLUNTEER, Role.COORDINATOR];
/** Roles that follow a shelter's referrals (state for coordinators, everything for health workers). */
const HEALTH_ROLES: ShelterRole[] = [Role.HEALTH_WORKER, Role.COORDINATOR];
const NETWORK_ROOM = 'network';
const SHELTER_PREFIX = 'shelter:';
const BOARD_PREFIX = 'board:';
const HEALTH_PREFIX = 'health:';
const SERVICE_PREFIX = 'service:';

function roomOf(audience: StaffAudience): string {
  if (audience === 'network') {
    return NETWORK_ROOM;
  }
  if ('shelter' in audience) {
    return `${SHELTER_PREFIX}${audience.shelter}`;
  }
  if ('board' in audience) {
    return `${BOARD_PREFIX}${audience.board}`;
  }
  return 'health' in audience
    ? `${HEALTH_PREFIX}${audience.health}`
    : `${SERVICE_PREFIX}${audience.service}`;
}

/**
 * Whose messages an actor hears: every shelter they work in, the boards and the health audiences
 * of those where their role has one, the health services they staff, and the network for network
 * roles.
 */
export function listenersOf(actor: Actor): StaffListeners {
  const memberships = [...actor.memberships];
  const where = (roles: ShelterRole[]) =>
    memberships.filter(([, role]) => roles.includes(role)).map(([shelterId]) => shelterId);
  return {
    shelters: memberships.map(([shelterId]) => shelterId),
    boards: where(BOARD_ROLES),
    health: where(HEALTH_ROLES),
    services: [...actor.services],
    network: actor.networkRole !== null && NETWORK_ROLES.includes(actor.networkRole),
  };
}

export function roomsOf({ shelters, boards, health, services, network }: StaffListeners): string[] {
  return [
    ...shelters.map((shelter) => roomOf({ shelter })),
    ...boards.map((board) => roomOf({ board })),
    ...health.map((id) => roomOf({ health: id })),
    ...services.map((service) => roomOf({ service })),
    ...(network ? [NETWORK_ROOM] : []),
  ];
}

/**
 * `/staff`, a transport: the session cookie is checked at the handshake (same check as GraphQL),
 * the user joins one room per audience their access gives (a shelter's staff, its bed board, the
 * network), and what they are told comes from the notifiers the libs registered (StaffNotifiers
 * in @albergue/shelters), called through StaffDispatch when a socket connects, when the feed
 * reads a change, and every STAFF_CHECK. Sessions are re-checked when PostgreSQL says someone's
 * access changed and every STAFF_CHECK too: a socket whose session ended is told and dropped.
 */
@WebSocketGateway({ namespace: '/staff' })
export class StaffGateway implements OnGatewayInit, OnGatewayConnection, OnApplicationShutdown {
  private readonly logger = new Logger(StaffGateway.name);
  @WebSocketServer()
  private readonly namespace!: Namespace<StaffClientEvents, StaffServerEvents>;
  private readonly stops: (() => void)[] = [];
  private readonly signals: DatabaseSignals;
  /** The typed emitter notifiers send through: audiences in, rooms out. */
  private readonly send: StaffSend = (to, event, ...payload) => {
    this.namespace.to([to].flat().map(roomOf)).emit(event, ...payload);
  };

  constructor(
    private readonly sessions: SessionsService,
    private readonly dispatch: StaffDispatch,
    private readonly feed: AvailabilityFeed,
    signals: DatabaseSignals,
    @Inject(REALTIME_OPTIONS) private readonly options: RealtimeOptions,
  ) {
    feed.subscribe((changes) => void this.changed(changes));
    this.signals = signals;
    // A re-check that fails (the database went away) is said and waits for the next one.
    const recheck = () => void this.recheck().catch(this.warn('session re-check'));
    signals.onAccessChange(recheck);
    signals.onReconnect(recheck);
    // What was notified while listening was down is lost: the notifiers catch up.
    signals.onReconnect(
      () =>
        void this.dispatch
          .reconnected({ listening: this.listening(), send: this.send })
          .catch(this.warn('catch-up')),
    );
  }

  /** A background step that failed: said with its name and the error's name only, no message. */
  private warn(what: string): (error: unknown) => void {
    return (error) =>
      this.logger.warn(`${what} failed: ${error instanceof Error ? error.name : 'error'}`);
  }

  afterInit(namespace: Namespace): void {
    // Every notifier registered at construction, so their channels are all known by now.
    for (const channel of this.dispatch.channels()) {
      this.signals.onChannel(channel, (payload) => {
        void this.dispatch.signalled({
          channel,
          payload,
          listening: this.listening(),
          send: this.send,
        });
      });
    }
    namespace.use((socket, next) => {
      if (!this.originAllowed(socket)) {
        next(
          Object.assign(new Error('This origin may not open a staff connection.'), {
            data: { code: ApiErrorCode.FORBIDDEN },
          }),
        );
        return;
      }
      this.sessions.authenticate(socket.handshake.headers.cookie).then(
        (check) => {
          if (check.kind !== 'actor') {
            next(
              Object.assign(new Error('Sign in first.'), {
                data: { code: ApiErrorCode.UNAUTHENTICATED },
              }),
            );
            return;
          }
          (socket as StaffSocket).data.actor = check.actor;
          next();
        },
        () =>
          next(
            Object.assign(new Error('Try again.'), {
              data: { code: ApiErrorCode.SERVICE_UNAVAILABLE },
            }),
          ),
      );
    });
    this.stops.push(
      runEvery(this.options.staffCheckMs, () => this.recheck(), this.warn('session re-check')),
      runEvery(
        this.options.staffCheckMs,
        () => this.dispatch.check({ listening: this.listening(), send: this.send }),
        this.warn('staff check'),
      ),
    );
  }

  onApplicationShutdown(): void {
    this.stops.forEach((stop) => stop());
  }

  async handleConnection(socket: StaffSocket): Promise<void> {
    const listeners = listenersOf(socket.data.actor);
    await socket.join(roomsOf(listeners));
    const reply: StaffReply = (event, ...payload) => socket.emit(event, ...payload);
    await this.dispatch.connected({
      socket: listeners,
      reply,
      known: (shelterId) => this.feed.get(shelterId),
    });
  }

  /** For /health: messages to staff screens that could not be sent since the start. */
  stats(): { staffUndelivered: number } {
    return { staffUndelivered: this.dispatch.undelivered };
  }

  private originAllowed(socket: Socket): boolean {
    const origin = socket.handshake.headers.origin;
    if (!origin) {
      return true; // not a browser: no ambient cookie to abuse
    }
    const host = socket.handshake.headers.host;
    return (
      this.options.staffOrigins.includes(origin) ||
      (host !== undefined && [`http://${host}`, `https://${host}`].includes(origin))
    );
  }

  private changed(changes: FeedChange[]): Promise<void> {
    return this.dispatch.changed(
      changes.map(({ shelter }) => shelter),
      this.listening(),
      this.send,
    );
  }

  /** The audiences with a socket on this instance. */
  private listening(): StaffListeners {
    const listening: StaffListeners = {
      shelters: [],
      boards: [],
      health: [],
      services: [],
      network: false,
    };
    // Listening can start before the namespace exists: nobody listens yet.
    if (!this.namespace) {
      return listening;
    }
    for (const [room, sockets] of this.namespace.adapter.rooms) {
      if (sockets.size === 0) {
        continue;
      }
      if (room.startsWith(SHELTER_PREFIX)) {
        listening.shelters.push(room.slice(SHELTER_PREFIX.length));
      } else if (room.startsWith(BOARD_PREFIX)) {
        listening.boards.push(room.slice(BOARD_PREFIX.length));
      } else if (room.startsWith(HEALTH_PREFIX)) {
        listening.health.push(room.slice(HEALTH_PREFIX.length));
      } else if (room.startsWith(SERVICE_PREFIX)) {
        listening.services.push(room.slice(SERVICE_PREFIX.length));
      } else if (room === NETWORK_ROOM) {
        listening.network = true;
      }
    }
    return listening;
  }

  /** Drops sockets whose session ended and moves the others to the rooms their access now gives. */
  private async recheck(): Promise<void> {
    const sockets = [...this.namespace.sockets.values()] as StaffSocket[];
    if (sockets.length === 0) {
      return;
    }
    const actors = await this.sessions.actorsOf([
      ...new Set(sockets.map((socket) => socket.data.actor.sessionId)),
    ]);
    for (const socket of sockets) {
      const actor = actors.get(socket.data.actor.sessionId);
      if (!actor) {
        socket.emit('signedOut', {
          code: ApiErrorCode.UNAUTHENTICATED,
          reason: 'SESSION_INVALID',
        });
        socket.disconnect(true);
        continue;
      }
      socket.data.actor = actor;
      const rooms = new Set(roomsOf(listenersOf(actor)));
      for (const room of socket.rooms) {
        if (room !== socket.id && !rooms.has(room)) {
          await socket.leave(room);
        }
      }
      await socket.join([...rooms]);
    }
  }
}
