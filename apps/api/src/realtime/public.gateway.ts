import { ApiErrorCode } from '@albergue/common';
import {
  ALL_AREAS,
  type PublicClientEvents,
  type PublicServerEvents,
  type PublicShelter,
  type WatchReply,
} from '@albergue/contracts';
import {
  type AvailabilityRules,
  SHELTERS_OPTIONS,
  type Shelter,
  toPublicShelter,
} from '@albergue/shelters';
import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { AvailabilityFeed, type FeedChange } from './availability-feed.js';
import { REALTIME_OPTIONS, type RealtimeOptions } from './realtime.options.js';

type PublicSocket = Socket<PublicClientEvents, PublicServerEvents, never, { watches: number[] }>;

const watchRequest = z.strictObject({
  areas: z.array(z.string().min(1).max(64)),
  known: z.record(z.string().max(64), z.number().int().min(0)).optional(),
});

/** More than this many `watch` messages a minute from one socket is not a map being panned: drop it. */
const WATCHES_PER_MINUTE = 60;
/** Catch-up answers with shelters up to this many; beyond, and over half of what is watched, a fresh snapshot is cheaper. */
const CATCH_UP_LIMIT = 50;

const roomOf = (area: string) => (area === ALL_AREAS ? 'all' : `area:${area}`);

/**
 * `/public`: anonymous, public aggregates only. A client fetches the snapshot over HTTP, then
 * says which areas it shows and which versions it holds (`watch`); it gets what moved since in
 * the answer and, from then on, one message per tick and per area with every shelter of that
 * area that changed, encoded once for the whole room.
 */
@WebSocketGateway({ namespace: '/public' })
export class PublicGateway implements OnGatewayInit, OnGatewayConnection, OnApplicationShutdown {
  @WebSocketServer()
  private readonly namespace!: Namespace<PublicClientEvents, PublicServerEvents>;
  /** area -> shelters changed since the last tick. */
  private readonly pending = new Map<string, Map<string, Shelter>>();
  /** Public entries projected during this tick, shared by the broadcasts and the catch-up answers. */
  private projected = new Map<string, PublicShelter>();
  private tickStarted = new Date();
  private timer?: NodeJS.Timeout;
  private ticks = 0;

  constructor(
    private readonly feed: AvailabilityFeed,
    @Inject(REALTIME_OPTIONS) private readonly options: RealtimeOptions,
    @Inject(SHELTERS_OPTIONS) private readonly rules: AvailabilityRules,
  ) {
    feed.subscribe((changes) => this.queue(changes));
  }

  /** Ticks so far on this instance; messages carry it, so tests count ticks instead of timing them. */
  get tick(): number {
    return this.ticks;
  }

  /** Open map sockets and rooms on this instance (for /health, and for leak checks). */
  stats(): { sockets: number; rooms: number } {
    return { sockets: this.namespace.sockets.size, rooms: this.namespace.adapter.rooms.size };
  }

  afterInit(): void {
    this.timer = setInterval(() => this.send(), this.options.tickMs).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  handleConnection(socket: PublicSocket): void {
    socket.data.watches = [];
    socket.on('watch', (request: unknown, reply: unknown) =>
      this.watch(
        socket,
        request,
        typeof reply === 'function' ? (reply as (answer: WatchReply) => void) : () => undefined,
      ),
    );
  }

  private queue(changes: FeedChange[]): void {
    for (const { shelter, area, previousArea } of changes) {
      for (const room of [area, ALL_AREAS, ...(previousArea ? [previousArea] : [])]) {
        let shelters = this.pending.get(room);
        if (!shelters) {
          shelters = new Map();
          this.pending.set(room, shelters);
        }
        shelters.set(shelter.id, shelter);
      }
    }
  }

  private send(): void {
    this.ticks += 1;
    // Bands turn UNKNOWN with time: projections are redone each tick.
    this.projected = new Map();
    this.tickStarted = new Date();
    if (this.pending.size === 0) {
      return;
    }
    const serverTime = this.tickStarted.toISOString();
    const rooms = this.namespace.adapter.rooms;
    for (const [area, shelters] of this.pending) {
      const room = roomOf(area);
      if (rooms.get(room)?.size) {
        this.namespace.to(room).emit('availability', {
          tick: this.ticks,
          serverTime,
          area,
          shelters: [...shelters.values()].map((shelter) => this.project(shelter)),
        });
      }
    }
    this.pending.clear();
  }

  private project(shelter: Shelter): PublicShelter {
    let entry = this.projected.get(shelter.id);
    if (entry?.version !== shelter.availabilityVersion) {
      entry = toPublicShelter(shelter, this.rules, this.tickStarted);
      this.projected.set(shelter.id, entry);
    }
    return entry;
  }

  private watch(socket: PublicSocket, request: unknown, reply: (answer: WatchReply) => void): void {
    const now = Date.now();
    socket.data.watches = [...socket.data.watches.filter((at) => at > now - 60_000), now];
    if (socket.data.watches.length > WATCHES_PER_MINUTE) {
      socket.disconnect(true);
      return;
    }
    const parsed = watchRequest.safeParse(request);
    if (!parsed.success) {
      reply({
        ok: false,
        code: ApiErrorCode.BAD_USER_INPUT,
        message: 'watch takes { areas: string[], known?: { [shelterId]: version } }',
      });
      return;
    }
    const areas = new Set(parsed.data.areas);
    if (areas.size > this.options.maxAreas) {
      socket.disconnect(true);
      return;
    }
    for (const room of socket.rooms) {
      if (room !== socket.id) {
        void socket.leave(room);
      }
    }
    // Joined before reading: whatever the feed learns from here on reaches this socket in a tick.
    void socket.join([...areas].map(roomOf));
    const everywhere = areas.has(ALL_AREAS);
    const known = new Map(Object.entries(parsed.data.known ?? {}));
    const watched = this.feed
      .shelters()
      .filter((shelter) => everywhere || areas.has(this.feed.areaOf(shelter.id) ?? ''));
    const moved = watched.filter(
      (shelter) => known.get(shelter.id) !== shelter.availabilityVersion,
    );
    const serverTime = new Date(now).toISOString();
    if (moved.length > CATCH_UP_LIMIT && moved.length * 2 > watched.length) {
      reply({ ok: true, resync: true, tick: this.ticks, serverTime });
      return;
    }
    reply({
      ok: true,
      tick: this.ticks,
      serverTime,
      shelters: moved.map((shelter) => this.project(shelter)),
    });
  }
}
