import type { PublicShelter as Shelter, PublicSnapshot } from '@albergue/contracts';
import { ServerClock } from './freshness';

/** What the phone saves of the last state it saw, for a reload without network. */
export interface SavedSnapshot extends PublicSnapshot {
  /** Present only in a saved copy: the server clock offset when it was saved. */
  savedOffsetMs?: number;
}

const DATA_CACHE = 'albergue-data-v1';
const SNAPSHOT_URL = '/availability.json';

/**
 * Every shelter's latest public state, by version (an update never replaces a newer one), with
 * the server's clock; saved in the Cache API so that the service worker can serve it offline.
 */
export class Store {
  readonly clock = new ServerClock();
  readonly shelters = new Map<string, Shelter>();
  staleAfterMs = 12 * 3_600_000;
  /** The server time of the newest data held: how old the whole picture is when offline. */
  lastServerTime: string | null = null;
  fromSavedCopy = false;
  private readonly listeners: ((changed: Shelter[]) => void)[] = [];
  private saveTimer: number | undefined;

  onChange(listener: (changed: Shelter[]) => void): void {
    this.listeners.push(listener);
  }

  load(snapshot: SavedSnapshot): void {
    this.fromSavedCopy = snapshot.savedOffsetMs !== undefined;
    if (this.fromSavedCopy) {
      this.clock.useOffset(snapshot.savedOffsetMs!);
    } else {
      this.clock.observe(snapshot.serverTime);
    }
    this.staleAfterMs = snapshot.staleAfterMs;
    this.apply(snapshot.shelters, snapshot.serverTime);
  }

  apply(entries: Shelter[], serverTime: string): void {
    if (!this.fromSavedCopy) {
      this.clock.observe(serverTime);
    }
    this.lastServerTime = serverTime;
    const changed = entries.filter((entry) => {
      const held = this.shelters.get(entry.id);
      if (held && held.version >= entry.version) {
        return false;
      }
      this.shelters.set(entry.id, entry);
      return true;
    });
    if (changed.length > 0) {
      this.listeners.forEach((listener) => listener(changed));
      this.scheduleSave();
    }
  }

  /** Live data arrived: ages are counted from the server's clock again. */
  live(): void {
    this.fromSavedCopy = false;
  }

  known(): Record<string, number> {
    return Object.fromEntries([...this.shelters.values()].map((s) => [s.id, s.version]));
  }

  private scheduleSave(): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => void this.save(), 1000);
  }

  private async save(): Promise<void> {
    if (!('caches' in window) || !this.lastServerTime) {
      return;
    }
    const saved: SavedSnapshot = {
      serverTime: this.lastServerTime,
      staleAfterMs: this.staleAfterMs,
      tickMs: 0,
      shelters: [...this.shelters.values()],
      savedOffsetMs: this.clock.offset(),
    };
    const cache = await caches.open(DATA_CACHE);
    await cache.put(
      SNAPSHOT_URL,
      new Response(JSON.stringify(saved), { headers: { 'content-type': 'application/json' } }),
    );
  }
}
