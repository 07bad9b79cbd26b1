import type { IncomingMessage } from 'node:http';

/**
 * The caller's address as the HTTP side reads it: the peer, or behind `hops` trusted proxies
 * the X-Forwarded-For entry that many places from the right (entries further left are the
 * caller's to invent).
 */
export function clientAddress(
  request: Pick<IncomingMessage, 'headers' | 'socket'>,
  hops: number,
): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (hops === 0) {
    return peer;
  }
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - hops)];
}
