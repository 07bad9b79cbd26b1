import { ApiErrorCode } from '@albergue/common';
import { SessionsService } from '@albergue/auth';
import {
  type Actor,
  enumNames,
  NETWORK_ROLES,
  Role,
  runEvery,
  type ShelterRole,
} from '@albergue/common';
import type {
  BoardBed,
  ShelterFigures,
  StaffClientEvents,
  StaffServerEvents,
} from '@albergue/contracts';
import { BedKind, BedsService, type BedView } from '@albergue/occupancy';
import { AppointmentKind, AsylumService } from '@albergue/residents';
import { Population, type Shelter, ShelterStatus, TrackingMode } from '@albergue/shelters';
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

type StaffSocket = Socket<StaffClientEvents, StaffServerEvents, never, { actor: Actor }>;

/** Roles that work the bed board and see residents' appointments (as the GraphQL policies say). */
const BOARD_ROLES: ShelterRole[] = [Role.VOLUNTEER, Role.COORDINATOR];
const NETWORK_ROOM = 'network';

const shelterRoom = (shelterId: string) => `shelter:${shelterId}`;
const boardRoom = (shelterId: string) => `board:${shelterId}`;

/** Times travel as ISO strings (what socket.io's JSON made of a Date anyway). */
const isoOrNull = (time: Date | null) => time?.toISOString() ?? null;

/** The board as GraphQL's bedBoard shows it (enum names, not stored values). */
function boardOf(beds: BedView[]): BoardBed[] {
  return beds.map((bed) => ({
    ...bed,
    kind: bedKindName(bed.kind),
    population: populationName(bed.population),
    use: bed.use && { ...bed.use, expiresAt: isoOrNull(bed.use.expiresAt) },
  }));
}

function roomsOf(actor: Actor): string[] {
  const rooms = [...actor.memberships].flatMap(([shelterId, role]) => [
    shelterRoom(shelterId),
    ...(BOARD_ROLES.includes(role) ? [boardRoom(shelterId)] : []),
  ]);
  if (actor.networkRole && NETWORK_ROLES.includes(actor.networkRole)) {
    rooms.push(NETWORK_ROOM);
  }
  return rooms;
}

const populationName = enumNames(Population);
const statusName = enumNames(ShelterStatus);
const trackingName = enumNames(TrackingMode);
const bedKindName = enumNames(BedKind);
const appointmentKindName = enumNames(AppointmentKind);

function figuresOf(shelter: Shelter): ShelterFigures {
  return {
    shelterId: shelter.id,
    version: shelter.availabilityVersion,
    status: statusName(shelter.status),
    trackingMode: trackingName(shelter.trackingMode),
    confirmedAt: shelter.availabilityConfirmedAt?.toISOString() ?? null,
    capacities: (shelter.capacities ?? []).map(
      ({ population, totalBeds, freeBeds, overflowTotal, overflowFree }) => ({
        population: populationName(population),
        totalBeds,
        freeBeds,
        overflowTotal,
        overflowFree,
      }),
    ),
  };
}

/**
 * `/staff`: the session cookie is checked at the handshake (same check as GraphQL), the user
 * joins one room per shelter they work in, and gets, per change, that shelter's exact figures,
 * its bed board and the holds arriving; holds about to expire and appointments coming up are
 * looked for every STAFF_CHECK. Sessions are re-checked when PostgreSQL says someone's access
 * changed and every STAFF_CHECK too: a socket whose session ended is told and dropped.
 * Ids only: a screen that needs a name asks GraphQL, where the read is audited.
 */
@WebSocketGateway({ namespace: '/staff' })
export class StaffGateway implements OnGatewayInit, OnGatewayConnection, OnApplicationShutdown {
  private readonly logger = new Logger(StaffGateway.name);
  private failures = 0;
  @WebSocketServer()
  private readonly namespace!: Namespace<StaffClientEvents, StaffServerEvents>;
  private readonly stops: (() => void)[] = [];
  /** shelterId -> hold ids on its board when last sent, to tell which holds are new. */
  private readonly holdsSeen = new Map<string, Set<string>>();
  private readonly expiryWarned = new Set<string>();
  /** shelterId -> the appointments last sent, to send only when they change. */
  private readonly appointmentsSent = new Map<string, string>();

  constructor(
    private readonly sessions: SessionsService,
    private readonly beds: BedsService,
    private readonly asylum: AsylumService,
    private readonly feed: AvailabilityFeed,
    signals: DatabaseSignals,
    @Inject(REALTIME_OPTIONS) private readonly options: RealtimeOptions,
  ) {
    feed.subscribe((changes) => void this.changed(changes));
    signals.onAccessChange(() => void this.recheck());
    signals.onReconnect(() => void this.recheck());
  }

  afterInit(namespace: Namespace): void {
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
    const warn = (what: string) => (error: unknown) =>
      this.logger.warn(`${what} failed: ${error instanceof Error ? error.name : 'error'}`);
    this.stops.push(
      runEvery(this.options.staffCheckMs, () => this.recheck(), warn('session re-check')),
      runEvery(
        this.options.staffCheckMs,
        () => this.lookAhead(),
        warn('holds and appointments look-ahead'),
      ),
    );
  }

  onApplicationShutdown(): void {
    this.stops.forEach((stop) => stop());
  }

  async handleConnection(socket: StaffSocket): Promise<void> {
    await socket.join(roomsOf(socket.data.actor));
    const boards = [...socket.data.actor.memberships]
      .filter(([, role]) => BOARD_ROLES.includes(role))
      .map(([shelterId]) => shelterId);
    await Promise.all(
      boards.map(async (shelterId) => {
        const beds = await this.beds.board(shelterId);
        if (beds.length > 0) {
          this.remember(shelterId, beds);
          socket.emit('board', {
            shelterId,
            version: this.feed.get(shelterId)?.availabilityVersion ?? 0,
            beds: boardOf(beds),
          });
        }
      }),
    ).catch(this.undelivered('boards on connect', boards));
    await this.sendAppointments(boards, socket).catch(
      this.undelivered('appointments on connect', boards),
    );
  }

  /** What could not be sent (the database went away in between): said with ids, and counted. */
  private undelivered(what: string, shelterIds: string[]) {
    return (error: unknown): void => {
      this.failures += 1;
      this.logger.warn(
        `${what} not sent to shelters ${shelterIds.join(', ')}: ${error instanceof Error ? error.name : 'error'}`,
      );
    };
  }

  /** For /health: messages to staff screens that could not be sent since the start. */
  stats(): { staffUndelivered: number } {
    return { staffUndelivered: this.failures };
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

  private async changed(changes: FeedChange[]): Promise<void> {
    const rooms = this.namespace.adapter.rooms;
    for (const { shelter } of changes) {
      const figures = figuresOf(shelter);
      this.namespace.to([shelterRoom(shelter.id), NETWORK_ROOM]).emit('shelter', figures);
      if (shelter.trackingMode === TrackingMode.BEDS && rooms.get(boardRoom(shelter.id))?.size) {
        await this.sendBoard(shelter).catch(this.undelivered('board', [shelter.id]));
      }
    }
  }

  private async sendBoard(shelter: Shelter): Promise<void> {
    const beds = await this.beds.board(shelter.id);
    const room = this.namespace.to(boardRoom(shelter.id));
    const seen = this.holdsSeen.get(shelter.id);
    room.emit('board', {
      shelterId: shelter.id,
      version: shelter.availabilityVersion,
      beds: boardOf(beds),
    });
    for (const bed of beds) {
      if (seen && bed.use?.kind === 'hold' && !seen.has(bed.use.id)) {
        room.emit('holdArrived', {
          holdId: bed.use.id,
          bedId: bed.id,
          shelterId: shelter.id,
          expiresAt: isoOrNull(bed.use.expiresAt),
          originShelterId: bed.use.originShelterId,
        });
      }
    }
    this.remember(shelter.id, beds);
  }

  private remember(shelterId: string, beds: { use: { id: string; kind: string } | null }[]): void {
    this.holdsSeen.set(
      shelterId,
      new Set(beds.flatMap((bed) => (bed.use?.kind === 'hold' ? [bed.use.id] : []))),
    );
  }

  /** Shelters whose board room has sockets on this instance. */
  private watchedBoards(): string[] {
    return [...this.namespace.adapter.rooms.keys()]
      .filter((room) => room.startsWith('board:'))
      .map((room) => room.slice('board:'.length));
  }

  private async lookAhead(): Promise<void> {
    const shelterIds = this.watchedBoards();
    if (shelterIds.length === 0) {
      return;
    }
    const holds = await this.beds.expiringHolds(shelterIds, this.options.holdWarningMs);
    const current = new Set(holds.map((hold) => hold.holdId));
    for (const id of this.expiryWarned) {
      if (!current.has(id)) {
        this.expiryWarned.delete(id);
      }
    }
    for (const hold of holds) {
      if (!this.expiryWarned.has(hold.holdId)) {
        this.expiryWarned.add(hold.holdId);
        this.namespace
          .to(boardRoom(hold.shelterId))
          .emit('holdExpiring', { ...hold, expiresAt: hold.expiresAt.toISOString() });
      }
    }
    await this.sendAppointments(shelterIds);
  }

  /** To one socket (at connection) or, when they changed, to each shelter's board room. */
  private async sendAppointments(shelterIds: string[], socket?: StaffSocket): Promise<void> {
    if (shelterIds.length === 0) {
      return;
    }
    const due = await this.asylum.dueIds(shelterIds, this.options.appointmentsAheadMs);
    for (const shelterId of shelterIds) {
      const appointments = due
        .filter((appointment) => appointment.shelterId === shelterId)
        .map(({ appointmentId, residentId, kind, startsAt }) => ({
          appointmentId,
          residentId,
          kind: appointmentKindName(kind),
          startsAt: startsAt.toISOString(),
        }));
      const digest = JSON.stringify(appointments);
      if (socket) {
        socket.emit('appointmentsDue', { shelterId, appointments });
      } else if (this.appointmentsSent.get(shelterId) !== digest) {
        this.namespace
          .to(boardRoom(shelterId))
          .emit('appointmentsDue', { shelterId, appointments });
      }
      this.appointmentsSent.set(shelterId, digest);
    }
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
      const rooms = new Set(roomsOf(actor));
      for (const room of socket.rooms) {
        if (room !== socket.id && !rooms.has(room)) {
          await socket.leave(room);
        }
      }
      await socket.join([...rooms]);
    }
  }
}
