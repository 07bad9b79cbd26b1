/**
 * Time as the server counts it: phones' clocks are often wrong, so every age is computed from
 * the snapshot's and the updates' server time, plus what has passed here since.
 */
export class ServerClock {
  private offsetMs = 0;

  observe(serverTime: string): void {
    this.offsetMs = Date.parse(serverTime) - Date.now();
  }

  /** For a saved copy: the offset measured when it was saved, not its old server time. */
  useOffset(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }

  offset(): number {
    return this.offsetMs;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }
}
