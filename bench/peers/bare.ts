// The ceiling of the "map read" scenario: a bare Fastify route sending one SQL statement with
// `pg`, no GraphQL, no framework beyond the HTTP server. Run as a child process (bench/scenarios/
// map-read.ts forks it); it says where it listens over IPC.
import Fastify from 'fastify';
import pg from 'pg';
import { NEAREST_SQL } from './schema.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });

app.get<{ Querystring: { lat: string; lng: string; group: string; first?: string } }>(
  '/nearest',
  async (request) => {
    const { lat, lng, group, first = '50' } = request.query;
    const { rows } = await pool.query(NEAREST_SQL, [
      Number(lat),
      Number(lng),
      group,
      Number(first),
    ]);
    return { shelters: rows };
  },
);

const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ url });
process.on('disconnect', () => void app.close().then(() => pool.end()));
