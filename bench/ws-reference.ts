import { createServer } from 'node:http';
import type { PublicShelter } from '@albergue/contracts';
import { type AvailabilityRules, type Shelter, toPublicShelter } from '@albergue/shelters';
import { WebSocket, WebSocketServer } from 'ws';
import type { AvailabilityFeed } from '../apps/api/src/realtime/availability-feed.js';

const ALL = '*';

/**
 * The fan-out scenario's reference: a bare `ws` server that does what the `/public` gateway does
 * (the same feed, the same coalescing per area and per tick, each message encoded once, a
 * catch-up answer to `{ areas, known }`) with nothing of socket.io, on its own port.
 */
export async function startWsReference(
  feed: AvailabilityFeed,
  rules: AvailabilityRules,
  tickMs: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer();
  const sockets = new WebSocketServer({ server, maxPayload: 64 * 1024 });
  const rooms = new Map<string, Set<WebSocket>>();
  const pending = new Map<string, Map<string, Shelter>>();
  feed.subscribe((changes) => {
    for (const { shelter, area } of changes) {
      for (const room of [area, ALL]) {
        pending.set(
          room,
          (pending.get(room) ?? new Map<string, Shelter>()).set(shelter.id, shelter),
        );
      }
    }
  });
  sockets.on('connection', (socket) => {
    socket.once('message', (data: Buffer) => {
      const { areas, known } = JSON.parse(data.toString()) as {
        areas: string[];
        known: Record<string, number>;
      };
      for (const area of areas) {
        rooms.set(area, (rooms.get(area) ?? new Set()).add(socket));
      }
      socket.on('close', () => areas.forEach((area) => rooms.get(area)?.delete(socket)));
      const now = new Date();
      const everywhere = areas.includes(ALL);
      const moved = feed
        .shelters()
        .filter((s) => everywhere || areas.includes(feed.areaOf(s.id) ?? ''))
        .filter((s) => known[s.id] !== s.availabilityVersion)
        .map((s) => toPublicShelter(s, rules, now));
      socket.send(
        JSON.stringify({ serverTime: now.toISOString(), area: 'catch-up', shelters: moved }),
      );
    });
  });
  const timer = setInterval(() => {
    const now = new Date();
    const projected = new Map<string, PublicShelter>();
    for (const [area, shelters] of pending) {
      const members = rooms.get(area);
      if (!members?.size) {
        continue;
      }
      const payload = JSON.stringify({
        serverTime: now.toISOString(),
        area,
        shelters: [...shelters.values()].map((s) => {
          let entry = projected.get(s.id);
          if (!entry) {
            entry = toPublicShelter(s, rules, now);
            projected.set(s.id, entry);
          }
          return entry;
        }),
      });
      for (const socket of members) {
        if (socket.readyState === WebSocket.OPEN) {
          socket.send(payload);
        }
      }
    }
    pending.clear();
  }, tickMs);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ws://127.0.0.1:${port}`,
    close: async () => {
      clearInterval(timer);
      sockets.clients.forEach((socket) => socket.terminate());
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
