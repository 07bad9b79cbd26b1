import pg from 'pg';

export interface PgListenerEvents {
  notification(channel: string, payload: string): void;
  /** LISTEN is active again (first connect or after a loss): what was sent meanwhile is lost, catch up. */
  connected(): void;
  /** The connection failed or dropped; the listener retries by itself. */
  lost(error: unknown): void;
}

const FIRST_RETRY_MS = 200;
const MAX_RETRY_MS = 5_000;

/**
 * One dedicated PostgreSQL connection that LISTENs on some channels, and comes back by itself
 * (200 ms, then doubling up to 5 s) when the connection or the server goes away. Notifications
 * sent while it was away are lost by PostgreSQL's design: `connected` tells the owner to catch up.
 */
export class PgListener {
  private client: pg.Client | null = null;
  /** The connection being opened, not yet listening. */
  private opening: pg.Client | null = null;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly channels: readonly string[],
    private readonly events: PgListenerEvents,
  ) {}

  get listening(): boolean {
    return this.client !== null;
  }

  /** Resolves after the first attempt, connected or not (later attempts follow on their own). */
  start(): Promise<void> {
    return this.connect();
  }

  /** Finds out whether a quiet connection is still alive (a dead peer can go unnoticed). */
  async check(): Promise<void> {
    const client = this.client;
    if (client) {
      await client.query('SELECT 1').catch((error: unknown) => this.drop(client, error));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
    }
    const clients = [this.client, this.opening];
    this.client = null;
    this.opening = null;
    await Promise.all(clients.map((client) => client?.end().catch(() => undefined)));
  }

  private async connect(): Promise<void> {
    this.retryTimer = null;
    const client = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      application_name: 'albergue-listener',
    });
    client.on('error', (error) => this.drop(client, error));
    client.on('end', () => this.drop(client, new Error('connection ended')));
    client.on('notification', (message) =>
      this.events.notification(message.channel, message.payload ?? ''),
    );
    this.opening = client;
    try {
      await client.connect();
      for (const channel of this.channels) {
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
    } catch (error) {
      this.drop(client, error);
      return;
    }
    if (this.opening !== client) {
      return; // dropped while opening
    }
    this.opening = null;
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    this.events.connected();
  }

  private drop(client: pg.Client, error: unknown): void {
    if (this.client === client) {
      this.client = null;
    } else if (this.opening === client) {
      this.opening = null;
    } else {
      return; // a late event of a connection already dropped
    }
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    if (this.stopped) {
      return;
    }
    this.events.lost(error);
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
