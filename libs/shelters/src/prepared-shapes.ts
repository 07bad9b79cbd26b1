/**
 * Names for the public search's statement texts, so that PostgreSQL parses each once per pooled
 * connection (a prepared statement) instead of once per request, and after five runs plans it
 * once too (a generic plan, when it costs no more than the custom ones). Bench "map read": about
 * 0.15–0.2 ms of PostgreSQL's CPU less per request (of 1.5), the difference PostGraphile, which
 * prepares its statements, had over Albergue.
 *
 * Bounded, and first come: the texts are the clients' to choose (filters × fields), and a prepared
 * statement stays in a backend's memory for as long as its connection lives. The first `max`
 * distinct texts get a name (the map's and the integrators' few); any other text runs unnamed,
 * planned per request, as before. A client that sends `max` other shapes first, after a start,
 * keeps the map's unnamed until the next start: it costs the planning of before, nothing more.
 */
export class PreparedShapes {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly prefix: string,
    private readonly max: number,
  ) {}

  /** The name of this statement text, or undefined when it is not one of the first `max`. */
  nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < this.max) {
      name = `${this.prefix}${this.names.size}`;
      this.names.set(text, name);
    }
    return name;
  }
}
