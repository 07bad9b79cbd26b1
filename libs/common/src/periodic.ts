import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Runs `task` every `ms` without keeping the process alive, reporting failures instead of
 * throwing them; returns the function that stops it. For housekeeping that every API instance
 * may run at once (each task must be idempotent).
 */
export function runEvery(
  ms: number,
  task: () => Promise<unknown>,
  onError: (error: unknown) => void,
  { immediately = false } = {},
): () => void {
  const run = () => {
    task().catch(onError);
  };
  if (immediately) {
    run();
  }
  const timer = setInterval(run, ms).unref();
  return () => clearInterval(timer);
}

/**
 * Housekeeping that every API instance runs on a timer from start to shutdown (each task must be
 * idempotent): a subclass says how often and what; failures are logged by kind, never thrown.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private stop?: () => void;

  protected abstract everyMs(): number;

  protected abstract run(): Promise<unknown>;

  /** Whether the first run happens at start rather than after one interval. */
  protected startsAtOnce(): boolean {
    return false;
  }

  onApplicationBootstrap(): void {
    const logger = new Logger(this.constructor.name);
    this.stop = runEvery(
      this.everyMs(),
      () => this.run(),
      (error) =>
        logger.warn(
          `${this.constructor.name} failed: ${error instanceof Error ? error.name : 'error'}`,
        ),
      { immediately: this.startsAtOnce() },
    );
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }
}
