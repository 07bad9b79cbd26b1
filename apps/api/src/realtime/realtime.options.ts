import type { AppConfig } from '../config/config.schema.js';

export const REALTIME_OPTIONS = Symbol('REALTIME_OPTIONS');

export interface RealtimeOptions {
  databaseUrl: string;
  /** Public updates go out once per tick, coalesced per area. */
  tickMs: number;
  /** How often each instance compares every shelter's version with what it delivered, in case a notification was lost. */
  sweepMs: number;
  socketsPerAddress: number;
  maxAreas: number;
  maxMessageBytes: number;
  trustProxyHops: number;
  /** Origins besides the API's own that may open a staff socket (CORS_ORIGINS). */
  staffOrigins: string[];
  /** How often staff sockets' sessions are re-checked, and the notifiers' look-aheads run. */
  staffCheckMs: number;
}

export function realtimeOptions(config: AppConfig, databaseUrl: string): RealtimeOptions {
  return {
    databaseUrl,
    tickMs: config.REALTIME_TICK,
    sweepMs: config.REALTIME_SWEEP,
    socketsPerAddress: config.SOCKETS_PER_ADDRESS,
    maxAreas: config.SOCKET_MAX_AREAS,
    maxMessageBytes: config.SOCKET_MAX_MESSAGE_KB * 1024,
    trustProxyHops: config.TRUST_PROXY,
    staffOrigins: config.CORS_ORIGINS,
    staffCheckMs: config.STAFF_CHECK,
  };
}
