/**
 * Runs `task` every `ms` without keeping the process alive, reporting failures instead of
 * throwing them; returns the function that stops it. For work that belongs to one instance (its
 * own sockets, its own caches); work on shared data is a cluster job (ClusterJobs), run once.
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
