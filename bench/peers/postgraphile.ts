// The GraphQL peer of the "map read" scenario: PostGraphile v5 as a library, on Node's HTTP
// server, over the `peers` schema (views of the public columns and one function; see schema.ts).
// Plain lists, not connections. Run as a child process; it says where it listens over IPC.
import './with-resolvers.js';
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['peers'],
      poolConfig: { max: 10 },
    }),
  ],
  schema: { defaultBehavior: '-connection +list' },
  grafserv: { graphqlPath: '/graphql', graphiql: false },
  grafast: { explain: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
  });
});
process.on('disconnect', () => {
  server.close();
  void pgl.release();
});
