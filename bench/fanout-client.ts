// One of the fan-out scenario's client processes: many public map sockets, each bound to its
// own 127.x.y.z source address, recording how old each shelter's state is when it arrives.
// Driven by its parent over IPC (see scenarios/fanout.ts).
import { io } from 'socket.io-client';
import { WebSocket } from 'ws';

export type ToClient =
  | {
      type: 'start';
      url: string;
      /** The bare `ws` reference's address, when the run measures it instead of socket.io. */
      wsUrl: string | null;
      count: number;
      net: number;
      allAreasShare: number;
    }
  | { type: 'measure' }
  | { type: 'check'; versions: Record<string, number> }
  | { type: 'finish'; versions: Record<string, number> };

export type FromClient =
  | { type: 'connected'; sockets: number; failed: number }
  /** How many of this process's maps hold exactly these versions now. */
  | { type: 'converged'; converged: number; sockets: number }
  | {
      type: 'report';
      /** Arrival age in ms -> how many shelter states arrived that old. */
      ages: Record<number, number>;
      delivered: number;
      expected: number;
      converged: number;
      sockets: number;
      disconnects: number;
      /** This process's CPU-seconds per second while measuring. */
      cpuPerSecond: number;
    };

interface Entry {
  id: string;
  version: number;
  area: string;
  availability: { updatedAt: string | null };
}

interface MapClient {
  socket: { close(): void };
  /** Shelter index -> version held; -1 where the client does not watch the shelter. */
  held: Int32Array;
}

const send = (message: FromClient) => process.send!(message);

let index = new Map<string, number>();
let start: Int32Array;
const clients: MapClient[] = [];
const ages = new Map<number, number>();
let measuring = false;
let measureStart = { cpu: process.cpuUsage(), at: 0 };
let disconnects = 0;

function receive(client: MapClient, shelters: Entry[]): void {
  const now = Date.now();
  for (const entry of shelters) {
    const at = index.get(entry.id);
    if (at === undefined || client.held[at] < 0 || entry.version <= client.held[at]) {
      continue;
    }
    client.held[at] = entry.version;
    if (measuring && entry.availability.updatedAt) {
      const age = Math.max(0, now - Date.parse(entry.availability.updatedAt));
      ages.set(age, (ages.get(age) ?? 0) + 1);
    }
  }
}

function knownOf(watched: Int32Array): Record<string, number> {
  return Object.fromEntries(
    [...index].filter(([, at]) => watched[at] >= 0).map(([id, at]) => [id, watched[at]]),
  );
}

/**
 * A socket.io map client, as the finder connects (apps/web/map/live.ts): on every connect,
 * reconnections included, it says what it holds and takes what moved since, or the whole
 * snapshot when the server says it is cheaper (`resync`). A map whose socket drops under load
 * catches up this way, as a phone's does.
 */
async function open(
  url: string,
  address: string,
  areas: string[],
  watched: Int32Array,
): Promise<boolean> {
  const socket = io(`${url}/public`, {
    transports: ['websocket'],
    forceNew: true,
    localAddress: address,
  } as Parameters<typeof io>[1]);
  const client: MapClient = { socket, held: Int32Array.from(watched) };
  socket.on('availability', (update: { shelters: Entry[] }) => receive(client, update.shelters));
  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') {
      return; // this process closing it: at the end, or to ask again (watch)
    }
    disconnects += 1;
    if (disconnects === 1) {
      console.error(`fan-out client ${process.pid}: a socket dropped (${reason})`);
    }
  });
  const connected = await new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
  });
  if (!connected) {
    socket.close();
    return false;
  }
  // From here on, 'connect' is a reconnection.
  socket.on('connect', () => void watch(url, socket, client, areas));
  await watch(url, socket, client, areas);
  clients.push(client);
  return true;
}

let watchFailures = 0;

/**
 * Says what the map holds and takes what moved (or the snapshot). Unanswered (the socket dropped
 * meanwhile, or 30 s passed), it asks again on a fresh connection: never a rejection, which would
 * end this process and its row.
 */
async function watch(
  url: string,
  socket: ReturnType<typeof io>,
  client: MapClient,
  areas: string[],
): Promise<void> {
  try {
    const reply = (await socket
      .timeout(30_000)
      .emitWithAck('watch', { areas, known: knownOf(client.held) })) as {
      ok: boolean;
      resync?: boolean;
      shelters?: Entry[];
    };
    receive(client, reply.resync ? (await snapshotOf(url)).shelters : (reply.shelters ?? []));
  } catch (error) {
    watchFailures += 1;
    if (watchFailures === 1) {
      console.error(`fan-out client ${process.pid}: a watch went unanswered (${String(error)})`);
    }
    if (socket.connected) {
      socket.disconnect().connect();
    }
  }
}

async function snapshotOf(url: string): Promise<{ shelters: Entry[] }> {
  return (await (await fetch(`${url}/availability.json`)).json()) as { shelters: Entry[] };
}

/** A bare WebSocket client of the reference server: same subscription, same messages. */
async function openWs(
  wsUrl: string,
  address: string,
  areas: string[],
  watched: Int32Array,
): Promise<boolean> {
  const socket = new WebSocket(wsUrl, { localAddress: address });
  const client: MapClient = { socket, held: Int32Array.from(watched) };
  socket.on('message', (data: Buffer) =>
    receive(client, (JSON.parse(data.toString()) as { shelters: Entry[] }).shelters),
  );
  socket.on('close', () => {
    disconnects += 1;
  });
  const connected = await new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true));
    socket.once('error', () => resolve(false));
  });
  if (!connected) {
    return false;
  }
  socket.send(JSON.stringify({ areas, known: knownOf(watched) }));
  clients.push(client);
  return true;
}

async function run(message: Extract<ToClient, { type: 'start' }>): Promise<void> {
  const snapshot = await snapshotOf(message.url);
  index = new Map(snapshot.shelters.map((entry, at) => [entry.id, at]));
  start = Int32Array.from(snapshot.shelters.map((entry) => entry.version));
  const areas = [...new Set(snapshot.shelters.map((entry) => entry.area))];
  let failed = 0;
  const BATCH = 100;
  for (let first = 0; first < message.count; first += BATCH) {
    const opened = await Promise.all(
      Array.from({ length: Math.min(BATCH, message.count - first) }, (_, k) => {
        const n = first + k;
        // Half the maps show the whole city, the others one to three boroughs.
        const wantAll = (n % 100) / 100 < message.allAreasShare;
        const mine = wantAll
          ? ['*']
          : Array.from({ length: 1 + (n % 3) }, (_, j) => areas[(n * 7 + j * 5) % areas.length]);
        const watched = Int32Array.from(snapshot.shelters, (entry, at) =>
          wantAll || mine.includes(entry.area) ? start[at] : -1,
        );
        const address = `127.${message.net}.${Math.floor(n / 250)}.${(n % 250) + 1}`;
        return message.wsUrl
          ? openWs(message.wsUrl, address, [...new Set(mine)], watched)
          : open(message.url, address, [...new Set(mine)], watched);
      }),
    );
    failed += opened.filter((ok) => !ok).length;
  }
  send({ type: 'connected', sockets: clients.length, failed });
}

/** Whether a map holds exactly the database's versions of what it watches. */
function holdsAll(client: MapClient, versions: Record<string, number>): boolean {
  for (const [id, at] of index) {
    if (client.held[at] >= 0 && client.held[at] !== (versions[id] ?? start[at])) {
      return false;
    }
  }
  return true;
}

/** The report; the parent then closes the channel, which ends the process. */
function finish(versions: Record<string, number>): void {
  const used = process.cpuUsage(measureStart.cpu);
  const cpuPerSecond =
    (used.user + used.system) / 1e6 / ((performance.now() - measureStart.at) / 1000);
  let delivered = 0;
  let expected = 0;
  let converged = 0;
  for (const client of clients) {
    for (const [id, at] of index) {
      if (client.held[at] < 0) {
        continue;
      }
      const final = versions[id] ?? start[at];
      expected += final - start[at];
      delivered += Math.min(client.held[at], final) - start[at];
    }
    converged += holdsAll(client, versions) ? 1 : 0;
    client.socket.close();
  }
  send({
    type: 'report',
    ages: Object.fromEntries(ages),
    delivered,
    expected,
    converged,
    sockets: clients.length,
    disconnects,
    cpuPerSecond,
  });
}

// Leaving before the parent asked for the report is a fault of the run: say why (an emptied
// event loop exits with code 0 and no word otherwise).
let reported = false;
process.on('beforeExit', () => {
  if (!reported) {
    console.error(
      `fan-out client ${process.pid}: nothing left to wait for, ${clients.length} sockets open`,
    );
  }
});
process.on('unhandledRejection', (error) => {
  console.error(`fan-out client ${process.pid}:`, error);
  process.exit(1);
});

// The parent closes the channel once it has this process's report (or gives up on it).
process.on('disconnect', () => process.exit(0));

process.on('message', (message: ToClient) => {
  switch (message.type) {
    case 'start':
      void run(message);
      break;
    case 'measure':
      ages.clear();
      measuring = true;
      measureStart = { cpu: process.cpuUsage(), at: performance.now() };
      break;
    case 'check':
      send({
        type: 'converged',
        converged: clients.filter((client) => holdsAll(client, message.versions)).length,
        sockets: clients.length,
      });
      break;
    case 'finish':
      measuring = false;
      reported = true;
      finish(message.versions);
      break;
  }
});
