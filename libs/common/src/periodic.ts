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
