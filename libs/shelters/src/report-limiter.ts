import { createHmac, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';

const HOUR = 3_600_000;

/**
 * What a limit counts by: an IPv4 address, or an IPv6 address's /64, the one network a home or
 * a phone is given and picks its addresses from at will (counting single IPv6 addresses would
 * let one phone report again and again).
 */
export function limitedAddress(address: string): string {
  const plain = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(plain);
  if (mapped) {
    return mapped[1];
  }
  if (!isIPv6(plain)) {
    return plain;
  }
  // An IPv4 tail (64:ff9b::192.0.2.1) stands for two groups.
  const groups = (part: string) =>
    (part ? part.split(':') : []).flatMap((g) => (g.includes('.') ? ['0', '0'] : [g]));
  const [head, tail] = plain.split('::');
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${all
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * Whether an address has already had a report about a shelter counted within the hour.
 *
 * It remembers a keyed hash (HMAC-SHA-256) of address and shelter, never the address, and only
 * in this instance's memory: the key is random, made here, and replaced every hour; the previous
 * one is kept one hour more, for the hashes made with it to run out, then dropped, so that nobody
 * (not even with this process's memory) can tell afterwards which address reported which
 * shelter. Why not in the database, shared by every instance: a hash of an IPv4 address can be
 * undone by trying all four billion, so the key would have to be in the database beside it, and
 * a copy of the database would then say who reported what. The price of memory: behind a load
 * balancer with N instances, an address can be counted up to N times an hour for one shelter
 * (once per instance it reaches), and a restart forgets. Reports change no figure (they count,
 * and a burst flags the figures for a coordinator to check), so an over-count is cheaper than a
 * record of reporters.
 */
export class ReportLimiter {
  private key = randomBytes(32);
  private previousKey: Buffer | null = null;
  private keyMadeAt: number;
  /** Hash -> when it stops counting; in the order they were made, so in the order they expire. */
  private readonly counted = new Map<string, number>();

  constructor(
    private readonly windowMs = HOUR,
    /** Bounds memory: past this, the oldest are forgotten first (a flood weakens only itself). */
    private readonly maxRemembered = 100_000,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.keyMadeAt = clock();
  }

  /** True the first time in the window for this address and shelter (count it); false after. */
  claim(address: string, shelterId: string): boolean {
    this.sweep();
    const hashes = this.hashes(address, shelterId);
    if (hashes.some((hash) => this.counted.has(hash))) {
      return false;
    }
    this.counted.set(hashes[0], this.clock() + this.windowMs);
    for (const hash of this.counted.keys()) {
      if (this.counted.size <= this.maxRemembered) {
        break;
      }
      this.counted.delete(hash);
    }
    return true;
  }

  /** The claimed report could not be stored: the address may send it again. */
  release(address: string, shelterId: string): void {
    for (const hash of this.hashes(address, shelterId)) {
      this.counted.delete(hash);
    }
  }

  /** Forgets spent hashes, and replaces the key once it is an hour old (also run on a timer). */
  sweep(): void {
    const now = this.clock();
    const age = now - this.keyMadeAt;
    if (age >= this.windowMs) {
      // Hashes of a key that stopped being current over a window ago have all run out.
      this.previousKey = age >= 2 * this.windowMs ? null : this.key;
      this.key = randomBytes(32);
      this.keyMadeAt = now;
    }
    for (const [hash, until] of this.counted) {
      if (until > now) {
        break;
      }
      this.counted.delete(hash);
    }
  }

  /** The hash under the current key, then under the previous one while it is kept. */
  private hashes(address: string, shelterId: string): string[] {
    const input = `${limitedAddress(address)}\n${shelterId}`;
    return [this.key, ...(this.previousKey ? [this.previousKey] : [])].map((key) =>
      createHmac('sha256', key).update(input).digest('base64'),
    );
  }
}
