import type { PublicSnapshot as Snapshot } from '@albergue/contracts';
import { type AvailabilityRules, SHELTERS_OPTIONS, toPublicShelter } from '@albergue/shelters';
import { Inject, Injectable } from '@nestjs/common';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { AvailabilityFeed } from './availability-feed.js';
import { REALTIME_OPTIONS, type RealtimeOptions } from './realtime.options.js';

export type SnapshotEncoding = 'br' | 'gzip' | 'identity';

interface Built {
  revision: number;
  builtAt: number;
  snapshot: Snapshot;
  /** Each encoding of the snapshot, made on first request. */
  bodies: Map<SnapshotEncoding, Buffer>;
}

/**
 * Every shelter's public aggregate with its version: what a map loads first, before the socket
 * brings updates. Built from the feed at most once per tick (or after a change), and each
 * encoding compressed once, so ten thousand phones opening the map cost one encoding.
 */
@Injectable()
export class PublicSnapshot {
  private built: Built | null = null;

  constructor(
    private readonly feed: AvailabilityFeed,
    @Inject(REALTIME_OPTIONS) private readonly options: RealtimeOptions,
    @Inject(SHELTERS_OPTIONS) private readonly rules: AvailabilityRules,
  ) {}

  /**
   * The snapshot, rebuilt when the feed moved or a tick has passed (bands turn UNKNOWN with
   * time): the JSON snapshot, /text, /print and the GeoJSON feed all read this one.
   */
  current(): Snapshot {
    const now = Date.now();
    if (
      !this.built ||
      this.built.revision !== this.feed.revision ||
      now - this.built.builtAt >= this.options.tickMs
    ) {
      this.built = {
        revision: this.feed.revision,
        builtAt: now,
        snapshot: this.build(new Date(now)),
        bodies: new Map(),
      };
    }
    return this.built.snapshot;
  }

  private build(now: Date): Snapshot {
    return {
      serverTime: now.toISOString(),
      staleAfterMs: this.rules.staleAfterMs,
      tickMs: this.options.tickMs,
      shelters: this.feed
        .shelters()
        .map((shelter) => toPublicShelter(shelter, this.rules, now))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    };
  }

  encoded(encoding: SnapshotEncoding): Buffer {
    const snapshot = this.current();
    const { bodies } = this.built!;
    if (!bodies.has('identity')) {
      bodies.set('identity', Buffer.from(JSON.stringify(snapshot)));
    }
    let body = bodies.get(encoding);
    if (!body) {
      const plain = bodies.get('identity')!;
      body =
        encoding === 'br'
          ? brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(plain, { level: 6 });
      bodies.set(encoding, body);
    }
    return body;
  }
}

/** The best encoding the client accepts among brotli, gzip and none (a `;q=0` refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): SnapshotEncoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => !/;\s*q=0(\.0*)?$/.test(part))
      .map((part) => part.split(';')[0]),
  );
  if (accepted.has('br')) {
    return 'br';
  }
  return accepted.has('gzip') || accepted.has('*') ? 'gzip' : 'identity';
}
