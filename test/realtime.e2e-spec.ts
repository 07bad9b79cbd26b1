import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { PublicGateway } from '../apps/api/src/realtime/public.gateway.js';
import {
  CONFIRM_AVAILABILITY,
  confirmArgs,
  reportInput,
  shelterFor,
} from './factories/shelter.factory.js';
import { staffAt } from './factories/staff.factory.js';
import { connect, type TestSocket } from './helpers/sockets.js';
import { type SignedIn, startTestApp, type TestApp } from './helpers/test-app.js';

interface Entry {
  id: string;
  version: number;
  area: string;
  name: string;
  availability: { band: string; freeBeds: number | null };
}
interface Snapshot {
  serverTime: string;
  staleAfterMs: number;
  shelters: Entry[];
}
interface Update {
  tick: number;
  area: string;
  shelters: Entry[];
}
type WatchReply =
  { ok: true; tick: number; shelters: Entry[] } | { ok: false; code: string; message: string };

const REPORT =
  'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { availabilityVersion } }';

describe('Realtime: public snapshot and socket (e2e)', () => {
  // These tests share the coordinator's two shelters, made in beforeAll in two boroughs (two
  // areas); each reads the versions afresh before it changes them.
  let app: TestApp;
  let coordinator: SignedIn;
  let mine: string[];
  const sockets: TestSocket[] = [];

  const open = async (
    ...args: Parameters<typeof connect> extends [string, ...infer R] ? R : never
  ) => {
    const socket = await connect(app.url, ...args);
    sockets.push(socket);
    return socket;
  };
  const snapshot = async (): Promise<Snapshot> => {
    const response = await fetch(`${app.url}/availability.json`);
    return (await response.json()) as Snapshot;
  };
  const versions = (entries: Entry[]) =>
    Object.fromEntries(entries.map((entry) => [entry.id, entry.version]));
  /** Reports new counts for a counts-mode shelter; resolves with its new version and the tick it committed in. */
  const report = async (shelterId: string, freeBeds: number) => {
    const result = await coordinator.gql<{ reportAvailability: { availabilityVersion: number } }>(
      REPORT,
      { input: await reportInput(coordinator, shelterId, [{ population: 'MEN', freeBeds }]) },
    );
    expect(result.errors).toBeUndefined();
    return {
      version: result.data!.reportAvailability.availabilityVersion,
      tick: app.app.get(PublicGateway).tick,
    };
  };
  /** Staff confirm a shelter's figures: a public change (new version) at any shelter. */
  const confirm = async (shelterId: string) => {
    const result = await coordinator.gql<{ confirmAvailability: { availabilityVersion: number } }>(
      CONFIRM_AVAILABILITY('availabilityVersion'),
      await confirmArgs(coordinator, shelterId),
    );
    expect(result.errors).toBeUndefined();
    return { version: result.data!.confirmAvailability.availabilityVersion };
  };

  beforeAll(async () => {
    app = await startTestApp({
      REALTIME_TICK: '100ms',
      SOCKET_MAX_AREAS: '5',
      SOCKETS_PER_ADDRESS: '10',
    });
    mine = [
      await shelterFor(app, { name: 'Albergue Centro' }),
      await shelterFor(app, {
        name: 'Albergue Sur',
        location: { lat: 19.3467, lng: -99.1617 },
        address: { boroughCode: 'cdmx-coyoacan', city: 'Ciudad de México' },
      }),
    ];
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: mine });
  });

  afterEach(() => {
    sockets.splice(0).forEach((socket) => socket.close());
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves every shelter’s public aggregate with its version, compressed and cacheable', async () => {
    const response = await fetch(`${app.url}/availability.json`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers.get('cache-control')).toBe('public, max-age=1');
    expect(response.headers.get('vary')).toBe('accept-encoding');
    // fetch decodes for us; read the raw bytes again to prove they were gzip on the wire.
    const { raw, encoding } = await new Promise<{ raw: Buffer; encoding?: string }>(
      (resolve, reject) => {
        get(`${app.url}/availability.json`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ raw: Buffer.concat(chunks), encoding: res.headers['content-encoding'] }),
          );
        }).on('error', reject);
      },
    );
    expect(encoding).toBe('gzip');
    const body = JSON.parse(gunzipSync(raw).toString()) as Snapshot;
    const [{ count }] = await app.sql<{ count: number }>(
      'SELECT count(*)::int AS count FROM shelter',
    );
    expect(body.shelters).toHaveLength(count);
    expect(Math.abs(Date.parse(body.serverTime) - Date.now())).toBeLessThan(60_000);
    expect(body.staleAfterMs).toBe(12 * 3_600_000);
    const dbVersions = await app.sql<{ id: string; version: string }>(
      'SELECT id, availability_version AS version FROM shelter',
    );
    expect(versions(body.shelters)).toEqual(
      Object.fromEntries(dbVersions.map((row) => [row.id, Number(row.version)])),
    );
    expect(body.shelters[0].area).toMatch(/^b:[a-z-]+$/);
  });

  it('then brings each change to a connected map within two ticks', async () => {
    const first = await snapshot();
    const map = await open('/public');
    const caughtUp = await map.emit<WatchReply>('watch', {
      areas: ['*'],
      known: versions(first.shelters),
    });
    expect(caughtUp).toMatchObject({ ok: true, shelters: [] });
    const { version, tick } = await report(mine[0], 3);
    const update = await map.next<Update>('availability', (u) =>
      u.shelters.some((s) => s.id === mine[0] && s.version === version),
    );
    expect(update.tick).toBeLessThanOrEqual(tick + 2);
    expect(update.area).toBe('*');
    const entry = update.shelters.find((s) => s.id === mine[0])!;
    expect(entry.availability.freeBeds).toBe(3);
  });

  it('sends an area’s changes only to the maps that show that area', async () => {
    const shelters = (await snapshot()).shelters;
    const here = shelters.find((s) => s.id === mine[0])!;
    const there = shelters.find((s) => s.id === mine[1])!;
    expect(here.area).not.toBe(there.area);
    const hereMap = await open('/public');
    const thereMap = await open('/public');
    await hereMap.emit('watch', { areas: [here.area], known: versions(shelters) });
    await thereMap.emit('watch', { areas: [there.area], known: versions(shelters) });
    const changed = await confirm(here.id);
    await hereMap.next<Update>('availability', (u) =>
      u.shelters.some((s) => s.id === here.id && s.version === changed.version),
    );
    const other = await confirm(there.id);
    await thereMap.next<Update>('availability', (u) =>
      u.shelters.some((s) => s.id === there.id && s.version === other.version),
    );
    expect(
      thereMap.received.flatMap((r) => (r.payload as Update).shelters).map((s) => s.id),
    ).not.toContain(here.id);
    expect(
      hereMap.received.flatMap((r) => (r.payload as Update).shelters).map((s) => s.id),
    ).not.toContain(there.id);
  });

  it('brings a map that reconnects with stale versions exactly what moved meanwhile', async () => {
    const before = versions((await snapshot()).shelters);
    const moved = [await confirm(mine[0]), await confirm(mine[1])];
    const map = await open('/public');
    const reply = await map.emit<WatchReply & { ok: true }>('watch', {
      areas: ['*'],
      known: before,
    });
    expect(reply.shelters.map((s) => s.id).sort()).toEqual([...mine.slice(0, 2)].sort());
    expect(reply.shelters.map((s) => s.version).sort()).toEqual(moved.map((m) => m.version).sort());
  });

  it('answers bad watch requests with a typed error and keeps the connection', async () => {
    const map = await open('/public');
    for (const bad of [
      null,
      'all',
      { areas: 'b:x' },
      { areas: ['*'], known: { x: -1 } },
      { areas: ['*'], extra: 1 },
    ]) {
      expect(await map.emit<WatchReply>('watch', bad)).toMatchObject({
        ok: false,
        code: 'BAD_USER_INPUT',
      });
    }
    expect(map.socket.connected).toBe(true);
    expect(await map.emit<WatchReply>('watch', { areas: ['*'] })).toMatchObject({ ok: true });
  });

  it('drops a socket that breaks the limits, and keeps serving the others', async () => {
    const bystander = await open('/public');
    const tooManyAreas = await open('/public');
    tooManyAreas.socket.emit('watch', { areas: ['a', 'b', 'c', 'd', 'e', 'f'] });
    await tooManyAreas.closed();
    const tooBig = await open('/public');
    tooBig.socket.emit('watch', { areas: ['*'], known: { padding: 'x'.repeat(70 * 1024) } });
    await tooBig.closed();
    const sameAddress = await Promise.all(
      Array.from({ length: 10 }, () => open('/public', { localAddress: '127.0.0.7' })),
    );
    await expect(connect(app.url, '/public', { localAddress: '127.0.0.7' })).rejects.toThrow();
    sameAddress[0].close();
    await sameAddress[1].closed(100).catch(() => undefined); // let the server see the close
    await expect(
      (async () => {
        for (let attempt = 0; attempt < 20; attempt += 1) {
          try {
            return await open('/public', { localAddress: '127.0.0.7' });
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        throw new Error('a freed place was never given back');
      })(),
    ).resolves.toBeDefined();
    expect(await bystander.emit<WatchReply>('watch', { areas: ['*'] })).toMatchObject({ ok: true });
  });
});
