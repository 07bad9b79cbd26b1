/** One run of a server process, from a start that succeeded to its exit. */
export interface ServerRun {
  /** Settles when the process exits, however it exits, with how (`signal SIGKILL`, `code 1`). */
  readonly exited: Promise<string>;
  /** Stops it and waits for its exit; at once if it has already exited. */
  stop(): Promise<void>;
}

export interface SupervisorClock {
  now(): number;
  /** Runs `task` after `ms`; returns what cancels it. */
  after(ms: number, task: () => void): () => void;
}

/** The levels of the app's pino logger that the supervisor writes to. */
type LogFn = (fields: Record<string, unknown>, message: string) => void;
export interface SupervisorLog {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export interface SupervisorPolicy {
  /** The wait before the first restart: backends of a killed server need a moment to go. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A server up this long counts as healthy again: the next failure starts a fresh backoff. */
  stableMs: number;
}

export const DEFAULT_POLICY: SupervisorPolicy = {
  firstDelayMs: 500,
  maxDelayMs: 30_000,
  stableMs: 60_000,
};

/**
 * `restarting`: the server exited, a restart is due or under way; `failed`: the last attempt to
 * start it failed too (the supervisor keeps trying); `stopped`: the app stopped it on purpose.
 */
export type SupervisedState = 'running' | 'restarting' | 'failed' | 'stopped';

/** What /health says about the database process. */
export type DatabaseHealth =
  | { supervised: false }
  | {
      supervised: true;
      state: SupervisedState;
      /** Restarts that succeeded since the app started. */
      restarts: number;
      /** Exits and failed starts in a row (back to 0 once a server has stayed up `stableMs`). */
      failures: number;
      lastFailureAt: string | null;
    };

export const REAL_CLOCK: SupervisorClock = {
  now: () => Date.now(),
  after: (ms, task) => {
    // The app's own handles keep the process alive; a pending restart must not.
    const timer = setTimeout(task, ms).unref();
    return () => clearTimeout(timer);
  },
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Keeps a server process running: when it exits without the app asking, it is started again
 * (same data, same port: whatever the caller's `start` does), after 0.5 s, then doubling up to
 * 30 s while exits and failed starts follow each other. A deliberate `stop()` is never undone.
 */
export class EmbeddedSupervisor {
  private state: SupervisedState = 'stopped';
  private restarts = 0;
  private failures = 0;
  private lastFailureAt: number | null = null;
  private downSince = 0;
  private upSince = 0;
  private current: ServerRun | null = null;
  private cancelRestart: (() => void) | null = null;
  private restarting: Promise<void> | null = null;
  private ending = false;

  constructor(
    private readonly startServer: () => Promise<ServerRun>,
    private readonly log: SupervisorLog,
    private readonly clock: SupervisorClock = REAL_CLOCK,
    private readonly policy: SupervisorPolicy = DEFAULT_POLICY,
  ) {}

  /** The first start. Its failure is the caller's to report: nothing is retried yet. */
  async start(): Promise<void> {
    this.adopt(await this.startServer());
  }

  health(): DatabaseHealth {
    return {
      supervised: true,
      state: this.state,
      restarts: this.restarts,
      // The count in a row ends once a server has stayed up long enough, not at the next exit.
      failures:
        this.state === 'running' && this.clock.now() - this.upSince >= this.policy.stableMs
          ? 0
          : this.failures,
      lastFailureAt:
        this.lastFailureAt === null ? null : new Date(this.lastFailureAt).toISOString(),
    };
  }

  /**
   * From now on an exit is expected: the app is shutting down. Separate from `stop()` because the
   * server must outlive the app's own shutdown, while a Ctrl-C also reaches it at once.
   */
  endSupervision(): void {
    this.ending = true;
    this.state = 'stopped';
    this.cancelRestart?.();
    this.cancelRestart = null;
  }

  /** Stops the server for good, waiting for a restart under way to finish and stopping it too. */
  async stop(): Promise<void> {
    this.endSupervision();
    await this.restarting;
    const current = this.current;
    this.current = null;
    await current?.stop();
  }

  private adopt(run: ServerRun): void {
    this.current = run;
    this.state = 'running';
    this.upSince = this.clock.now();
    void run.exited.then((how) => this.exited(run, how));
  }

  private exited(run: ServerRun, how: string): void {
    if (this.ending || this.current !== run) {
      return;
    }
    this.current = null;
    const now = this.clock.now();
    if (now - this.upSince >= this.policy.stableMs) {
      this.failures = 0;
    }
    this.downSince = now;
    this.failed('restarting', `exited (${how})`);
  }

  private failed(state: 'restarting' | 'failed', what: string): void {
    this.failures += 1;
    this.lastFailureAt = this.clock.now();
    this.state = state;
    const delayMs = Math.min(
      this.policy.firstDelayMs * 2 ** (this.failures - 1),
      this.policy.maxDelayMs,
    );
    const fields = { failures: this.failures, retryInMs: delayMs };
    // One exit is news; a second in a row means something is wrong with the server or its data.
    if (this.failures === 1) {
      this.log.warn(fields, `embedded PostgreSQL ${what}; restarting it`);
    } else {
      this.log.error(fields, `embedded PostgreSQL ${what}, ${this.failures} failures in a row`);
    }
    this.cancelRestart = this.clock.after(delayMs, () => {
      this.cancelRestart = null;
      this.restarting = this.restart().finally(() => {
        this.restarting = null;
      });
    });
  }

  private async restart(): Promise<void> {
    let run: ServerRun;
    try {
      run = await this.startServer();
    } catch (error) {
      if (!this.ending) {
        this.failed('failed', `could not be restarted (${messageOf(error)})`);
      }
      return;
    }
    if (this.ending) {
      await run.stop();
      return;
    }
    this.restarts += 1;
    this.log.info(
      { restarts: this.restarts, downMs: this.clock.now() - this.downSince },
      'embedded PostgreSQL restarted',
    );
    this.adopt(run);
  }
}
