import { connect } from '../helpers/sockets.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const CONNECTIONS = Number(process.env.RESILIENCE_SOCKETS ?? 10_000);
const AT_ONCE = 100;

interface Health {
  realtime: { listening: boolean; sockets: number; rooms: number };
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('run with --expose-gc (npm run test:resilience does)');
  }
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('Resilience: socket churn', () => {
  let app: TestApp;

  const health = async () => ((await (await fetch(`${app.url}/health`)).json()) as Health).realtime;
  /** Opens `count` map sockets, a batch at a time, each watching a few areas, then closes them. */
  const churn = async (count: number) => {
    for (let first = 0; first < count; first += AT_ONCE) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(AT_ONCE, count - first) }, async (_, k) => {
          const socket = await connect(app.url, '/public');
          await socket.emit('watch', {
            areas: (first + k) % 2 ? ['*'] : ['b:cdmx-tlalpan', 'b:cdmx-coyoacan'],
          });
          return socket;
        }),
      );
      await Promise.all(
        batch.map((socket) => {
          const closed = socket.closed();
          socket.close();
          return closed;
        }),
      );
    }
  };
  /** The server sees a close a moment after the client: wait until it has seen them all. */
  const settled = async (sockets: number) => {
    for (let attempt = 0; attempt < 100 && (await health()).sockets !== sockets; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return health();
  };

  beforeAll(async () => {
    app = await startTestApp({ SOCKETS_PER_ADDRESS: String(AT_ONCE * 2) });
  });

  afterAll(async () => {
    await app?.close();
  });

  it(`returns to its baseline of memory, sockets and rooms after ${CONNECTIONS} connects and disconnects`, async () => {
    await churn(1_000); // warm-up: code paths compiled, pools filled
    const baseline = await settled(0);
    const heapBefore = heapAfterGc();
    await churn(CONNECTIONS);
    const after = await settled(0);
    expect(after).toEqual(baseline);
    expect(after.sockets).toBe(0);
    const grown = heapAfterGc() - heapBefore;
    // About 13 KB a connected client (docs/PERFORMANCE.md): 10,000 leaked would be over 100 MB.
    expect(grown).toBeLessThan(8 * 1024 * 1024);
    // And the per-address count let every one of them in: none was left counted as open.
    const last = await connect(app.url, '/public');
    last.close();
  });
});
