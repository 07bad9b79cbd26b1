import { jest } from '@jest/globals';
import {
  EmbeddedSupervisor,
  type ServerRun,
  type SupervisorClock,
  type SupervisorLog,
} from './embedded-supervisor.js';

/** Time that moves only when told; due tasks run in order, each followed by what it awaits. */
class ManualClock implements SupervisorClock {
  private time = 0;
  private tasks: { at: number; task: () => void }[] = [];

  now = () => this.time;

  after = (ms: number, task: () => void) => {
    const entry = { at: this.time + ms, task };
    this.tasks.push(entry);
    return () => {
      this.tasks = this.tasks.filter((other) => other !== entry);
    };
  };

  /** How long until each pending task is due. */
  get pending(): number[] {
    return this.tasks.map((entry) => entry.at - this.time);
  }

  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      const next = this.tasks.filter((entry) => entry.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) {
        break;
      }
      this.tasks = this.tasks.filter((entry) => entry !== next);
      this.time = next.at;
      next.task();
      await settled();
    }
    this.time = until;
  }
}

/** Lets every promise callback already queued (and those they queue) run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

class FakeRun implements ServerRun {
  readonly exited: Promise<string>;
  readonly stop = jest.fn(async () => this.die('code 0'));
  private end!: (how: string) => void;

  constructor() {
    this.exited = new Promise((resolve) => (this.end = resolve));
  }

  die(how = 'signal SIGKILL'): void {
    this.end(how);
  }
}

/** A server whose starts succeed, or fail as many times as asked, and can be held half-way. */
function fakeServer() {
  const runs: FakeRun[] = [];
  let failures = 0;
  let hold: Promise<void> | null = null;
  const start = jest.fn(async () => {
    await hold;
    if (failures > 0) {
      failures -= 1;
      throw new Error('FATAL: pre-existing shared memory block is still in use');
    }
    const run = new FakeRun();
    runs.push(run);
    return run;
  });
  return {
    start,
    runs,
    get current() {
      return runs[runs.length - 1];
    },
    failNext(times: number) {
      failures = times;
    },
    /** Starts wait until the returned function is called. */
    holdStarts(): () => void {
      let release!: () => void;
      hold = new Promise((resolve) => (release = resolve));
      return () => {
        hold = null;
        release();
      };
    },
  };
}

function fakeLog() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const at =
    (level: string) =>
    (fields: Record<string, unknown>, message: string): void => {
      lines.push({ level, fields, message });
    };
  const log: SupervisorLog = { info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

describe(EmbeddedSupervisor.name, () => {
  let clock: ManualClock;
  let server: ReturnType<typeof fakeServer>;
  let logs: ReturnType<typeof fakeLog>;
  let sut: EmbeddedSupervisor;

  beforeEach(async () => {
    clock = new ManualClock();
    server = fakeServer();
    logs = fakeLog();
    sut = new EmbeddedSupervisor(server.start, logs.log, clock);
    await sut.start();
  });

  /** Kills the running server and lets the supervisor notice. */
  const kill = async () => {
    server.current.die();
    await settled();
  };

  it('starts the server and reports it running', () => {
    expect(server.start).toHaveBeenCalledTimes(1);
    expect(sut.health()).toEqual({
      supervised: true,
      state: 'running',
      restarts: 0,
      failures: 0,
      lastFailureAt: null,
    });
  });

  it('restarts a server that dies, half a second later, and says so in one line each way', async () => {
    await clock.advance(5_000);
    await kill();
    expect(sut.health()).toMatchObject({
      state: 'restarting',
      failures: 1,
      lastFailureAt: new Date(5_000).toISOString(),
    });
    expect(logs.lines).toEqual([
      {
        level: 'warn',
        fields: { failures: 1, retryInMs: 500 },
        message: 'embedded PostgreSQL exited (signal SIGKILL); restarting it',
      },
    ]);

    await clock.advance(499);
    expect(server.start).toHaveBeenCalledTimes(1);
    await clock.advance(1);
    expect(server.start).toHaveBeenCalledTimes(2);
    expect(sut.health()).toMatchObject({ state: 'running', restarts: 1, failures: 1 });
    expect(logs.lines[1]).toEqual({
      level: 'info',
      fields: { restarts: 1, downMs: 500 },
      message: 'embedded PostgreSQL restarted',
    });
  });

  it('backs off while starts fail (0.5 s, 1 s, 2 s … capped at 30 s), reporting each at error with the count', async () => {
    server.failNext(8);
    await kill();
    const delays: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      delays.push(clock.pending[0]);
      await clock.advance(clock.pending[0]);
      expect(sut.health()).toMatchObject({ state: 'failed', failures: attempt + 2 });
    }
    delays.push(clock.pending[0]);
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(logs.lines.filter((line) => line.level === 'error').map((line) => line.fields)).toEqual(
      delays.slice(1).map((retryInMs, i) => ({ failures: i + 2, retryInMs })),
    );
    expect(logs.lines.at(-1)!.message).toBe(
      'embedded PostgreSQL could not be restarted (FATAL: pre-existing shared memory block is still in use), 9 failures in a row',
    );

    await clock.advance(30_000);
    expect(sut.health()).toMatchObject({ state: 'running', restarts: 1, failures: 9 });
    expect(server.start).toHaveBeenCalledTimes(10);
  });

  it('counts a server that dies again soon after its restart as another failure in a row', async () => {
    await kill();
    await clock.advance(500);
    await clock.advance(10_000);
    await kill();
    expect(clock.pending).toEqual([1_000]);
    expect(sut.health()).toMatchObject({ state: 'restarting', failures: 2 });
    expect(logs.lines.at(-1)!.level).toBe('error');
  });

  it('starts the backoff afresh once a restarted server has stayed up a minute', async () => {
    server.failNext(2);
    await kill();
    await clock.advance(500 + 1_000 + 2_000);
    expect(sut.health()).toMatchObject({ state: 'running', failures: 3 });
    await clock.advance(60_000);
    // Up a minute: /health says the failures in a row are over, before any next exit.
    expect(sut.health()).toMatchObject({ state: 'running', failures: 0 });
    await kill();
    expect(clock.pending).toEqual([500]);
    expect(sut.health()).toMatchObject({ state: 'restarting', failures: 1, restarts: 1 });
    expect(logs.lines.at(-1)!.level).toBe('warn');
  });

  it('never restarts a server it was asked to stop', async () => {
    await sut.stop();
    expect(server.current.stop).toHaveBeenCalledTimes(1);
    await settled();
    expect(clock.pending).toEqual([]);
    expect(sut.health()).toMatchObject({ state: 'stopped', failures: 0 });
    expect(logs.lines).toEqual([]);
  });

  it('ignores the exit of a server that a Ctrl-C stopped along with the app', async () => {
    sut.endSupervision();
    await kill();
    expect(clock.pending).toEqual([]);
    await sut.stop();
    expect(server.start).toHaveBeenCalledTimes(1);
  });

  it('drops a restart still to come when the app stops (the server exited first)', async () => {
    await kill();
    expect(clock.pending).toEqual([500]);
    await sut.stop();
    expect(clock.pending).toEqual([]);
    expect(server.start).toHaveBeenCalledTimes(1);
  });

  it('stops a server whose restart was under way when the app stopped, once it is up', async () => {
    await kill();
    const release = server.holdStarts();
    await clock.advance(500);
    expect(server.start).toHaveBeenCalledTimes(2);
    const stopped = sut.stop();
    release();
    await stopped;
    expect(server.runs).toHaveLength(2);
    expect(server.current.stop).toHaveBeenCalledTimes(1);
    expect(sut.health()).toMatchObject({ state: 'stopped', restarts: 0 });
    await settled();
    expect(clock.pending).toEqual([]);
  });

  it('leaves a failed first start to the caller, retrying nothing', async () => {
    const other = fakeServer();
    other.failNext(1);
    const fresh = new EmbeddedSupervisor(other.start, logs.log, clock);
    await expect(fresh.start()).rejects.toThrow('shared memory');
    expect(clock.pending).toEqual([]);
  });
});
