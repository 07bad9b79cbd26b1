import autocannon from 'autocannon';
import { loadConfig } from '../../apps/api/src/config/config.js';
import {
  benchEnv,
  type BenchProcess,
  forkPeer,
  postgresCpu,
  postgresCpuBetween,
  spawnApi,
  withClient,
} from '../harness.js';
import { createPeerSchema } from '../peers/schema.js';

export type MapReadServer = 'Albergue' | 'PostGraphile v5' | 'Fastify + pg (ceiling)';

export interface MapReadRow {
  server: MapReadServer;
  pass: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers that were not 200, connection errors and timeouts. */
  failed: number;
  /** SQL statements the database ran (pg_stat_statements, top level) ÷ requests; null without it. */
  statementsPerRequest: number | null;
  /** CPU of the server's process, and of PostgreSQL, per request, in ms. */
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
}

export interface MapReadReport {
  shelters: number;
  connections: number;
  seconds: number;
  /** Points where all three gave the same shelters in the same order ÷ points tried, before timing. */
  agreement: { points: number; same: number; meanShelters: number };
  rows: MapReadRow[];
}

const GROUPS = ['MEN', 'WOMEN', 'FAMILIES', 'LGBTQ', 'UNACCOMPANIED_MINORS'] as const;
const FIRST = 50;

/** What the finder and an integrator ask Albergue: the nearest 50 with space for a group. */
const ALBERGUE_QUERY = `query Nearest($near: GeoPointInput!, $group: Population!) {
  shelters(filter: { near: $near, hasSpace: true, population: $group }, first: ${FIRST}) {
    id name distanceKm
    location { lat lng approximate }
    availability { band byPopulation { population band freeBeds totalBeds overflowFree overflowTotal } }
  }
}`;

/** The same through PostGraphile: the function as a list field, the capacities by the tagged relation. */
const POSTGRAPHILE_QUERY = `query Nearest($lat: Float!, $lng: Float!, $group: String!) {
  nearestWithSpaceList(lat: $lat, lng: $lng, grp: $group, n: ${FIRST}) {
    rowId name lat lng approximate distanceKm(lat: $lat, lng: $lng)
    capacitiesByShelterIdList { population freeBeds totalBeds overflowFree overflowTotal }
  }
}`;

interface Point {
  lat: number;
  lng: number;
  group: (typeof GROUPS)[number];
}

interface Target {
  server: MapReadServer;
  process: BenchProcess;
  /** The request for a point, as autocannon sends it. */
  request(point: Point): { method: 'GET' | 'POST'; path: string; body?: string };
  /** The shelter ids of an answer, in order. */
  ids(answer: unknown): string[];
}

const json = { 'content-type': 'application/json' };

/**
 * "map read": the public availability query (nearest 50 shelters with space for a group, from
 * random points over the seeded network) through Albergue, PostGraphile v5 over views of the same
 * tables, and a bare Fastify route with the same SQL (the ceiling), each server in a process of its
 * own, one after another, autocannon in this process. Before timing, all three must give the same
 * shelters in the same order at the same points. `passes` > 1 runs them again in reverse order.
 */
export async function mapRead({
  databaseUrl,
  statements,
  seconds,
  warmupSeconds,
  connections,
  passes,
}: {
  databaseUrl: string;
  statements: boolean;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  passes: number;
}): Promise<MapReadReport> {
  const config = loadConfig(benchEnv(databaseUrl));
  const box = await withClient(databaseUrl, async (client) => {
    await createPeerSchema(client, config.STALE_AFTER / 1000);
    const { rows } = await client.query<{
      shelters: string;
      min_lat: number;
      max_lat: number;
      min_lng: number;
      max_lng: number;
    }>(
      `SELECT count(*) AS shelters, min(public_lat) AS min_lat, max(public_lat) AS max_lat,
              min(public_lng) AS min_lng, max(public_lng) AS max_lng FROM shelter`,
    );
    return rows[0];
  });
  const point = (): Point => ({
    lat: box.min_lat + Math.random() * (box.max_lat - box.min_lat),
    lng: box.min_lng + Math.random() * (box.max_lng - box.min_lng),
    group: GROUPS[Math.floor(Math.random() * GROUPS.length)],
  });
  // The deployed defaults: Albergue logs one line per request, as it does in production.
  const targets: Target[] = [
    {
      server: 'Albergue',
      process: await spawnApi(databaseUrl, { LOG_LEVEL: 'info' }),
      request: ({ lat, lng, group }) => ({
        method: 'POST',
        path: '/graphql',
        body: JSON.stringify({ query: ALBERGUE_QUERY, variables: { near: { lat, lng }, group } }),
      }),
      ids: (answer) =>
        (answer as { data: { shelters: { id: string }[] } }).data.shelters.map((s) => s.id),
    },
    {
      server: 'PostGraphile v5',
      process: await forkPeer('postgraphile.js', databaseUrl),
      request: ({ lat, lng, group }) => ({
        method: 'POST',
        path: '/graphql',
        body: JSON.stringify({
          query: POSTGRAPHILE_QUERY,
          variables: { lat, lng, group: group.toLowerCase() },
        }),
      }),
      ids: (answer) =>
        (
          answer as { data: { nearestWithSpaceList: { rowId: string }[] } }
        ).data.nearestWithSpaceList.map((s) => s.rowId),
    },
    {
      server: 'Fastify + pg (ceiling)',
      process: await forkPeer('bare.js', databaseUrl),
      request: ({ lat, lng, group }) => ({
        method: 'GET',
        path: `/nearest?lat=${lat}&lng=${lng}&group=${group.toLowerCase()}&first=${FIRST}`,
      }),
      ids: (answer) => (answer as { shelters: { id: string }[] }).shelters.map((s) => s.id),
    },
  ];
  try {
    const agreement = await agree(targets, Array.from({ length: 20 }, point));
    if (agreement.same < agreement.points) {
      throw new Error(
        `map read: the three servers disagree at ${agreement.points - agreement.same} of ${agreement.points} points`,
      );
    }
    const rows: MapReadRow[] = [];
    for (let pass = 1; pass <= passes; pass += 1) {
      const order = pass % 2 === 1 ? targets : [...targets].reverse();
      for (const target of order) {
        await cannon(target, point, connections, warmupSeconds);
        rows.push(
          await measure(target, point, databaseUrl, statements, connections, seconds, pass),
        );
      }
    }
    return { shelters: Number(box.shelters), connections, seconds, agreement, rows };
  } finally {
    await Promise.all(targets.map((target) => target.process.stop()));
  }
}

async function agree(targets: Target[], points: Point[]): Promise<MapReadReport['agreement']> {
  let same = 0;
  let shelters = 0;
  for (const at of points) {
    const answers = await Promise.all(
      targets.map(async (target) => {
        const { method, path, body } = target.request(at);
        const response = await fetch(`${target.process.url}${path}`, {
          method,
          body,
          headers: body ? json : undefined,
        });
        const answer: unknown = await response.json();
        try {
          return target.ids(answer).join(',');
        } catch {
          throw new Error(
            `map read: ${target.server} answered ${JSON.stringify(answer).slice(0, 500)}`,
          );
        }
      }),
    );
    shelters += answers[0].split(',').filter(Boolean).length;
    if (answers.every((answer) => answer === answers[0])) {
      same += 1;
    } else {
      console.error(
        `map read: at ${JSON.stringify(at)}: ${targets.map((target, i) => `${target.server} ${answers[i].split(',').length} [${answers[i].slice(0, 80)}…]`).join(' / ')}`,
      );
    }
  }
  return { points: points.length, same, meanShelters: Math.round(shelters / points.length) };
}

function cannon(
  target: Target,
  point: () => Point,
  connections: number,
  seconds: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: target.process.url,
    connections,
    duration: seconds,
    requests: [
      {
        headers: json,
        setupRequest: (request) => ({ ...request, ...target.request(point()) }),
      },
    ],
  });
}

async function measure(
  target: Target,
  point: () => Point,
  databaseUrl: string,
  statements: boolean,
  connections: number,
  seconds: number,
  pass: number,
): Promise<MapReadRow> {
  if (statements) {
    await withClient(databaseUrl, (client) => client.query('SELECT pg_stat_statements_reset()'));
  }
  const serverBefore = await target.process.cpuSeconds();
  const postgresBefore = await postgresCpu();
  const result = await cannon(target, point, connections, seconds);
  const serverCpu = (await target.process.cpuSeconds()) - serverBefore;
  const postgresUsed = postgresCpuBetween(postgresBefore, await postgresCpu());
  const requests = result.requests.total;
  const calls = statements
    ? await withClient(databaseUrl, async (client) => {
        const { rows } = await client.query<{ calls: string }>(
          `SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_statements s
             JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = current_database() AND s.query NOT ILIKE '%pg_stat_statements%'`,
        );
        return Number(rows[0].calls);
      })
    : null;
  const perRequest = (cpu: number) => Math.round((cpu / Math.max(1, requests)) * 1000 * 100) / 100;
  return {
    server: target.server,
    pass,
    requests,
    perSecond: Math.round(requests / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    statementsPerRequest:
      calls === null ? null : Math.round((calls / Math.max(1, requests)) * 100) / 100,
    serverCpuMsPerRequest: perRequest(serverCpu),
    postgresCpuMsPerRequest: perRequest(postgresUsed),
  };
}
