import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { ScopeLookups } from './policy.js';

type Lookup = (id: string) => Promise<string[]>;

/**
 * Where libs register how to find the shelters (and health services) a record belongs to, so
 * that the auth guard can scope operations on residents, appointments and referrals without
 * knowing those libs.
 */
@Injectable()
export class ScopeRegistry implements ScopeLookups {
  private readonly lookups = new Map<string, Lookup>();
  private readonly extensions = new Map<string, Lookup[]>();
  private readonly serviceLookups = new Map<string, Lookup>();

  register(kind: string, lookup: Lookup): void {
    this.lookups.set(kind, lookup);
  }

  /**
   * More shelters for a kind, from a lib that depends on the owner (occupancy: the shelter
   * holding a bed for a resident on the way), without the owner knowing it.
   */
  extend(kind: string, lookup: Lookup): void {
    this.extensions.set(kind, [...(this.extensions.get(kind) ?? []), lookup]);
  }

  /** How to find the health services a record belongs to (a referral: the service it is sent to). */
  registerServices(kind: string, lookup: Lookup): void {
    this.serviceLookups.set(kind, lookup);
  }

  async services(kind: string, id: string): Promise<string[]> {
    const lookup = this.serviceLookups.get(kind);
    if (!lookup) {
      throw new Error(`no service scope registered for ${kind}`);
    }
    return isUUID(id) ? lookup(id) : [];
  }

  async shelters(kind: string, id: string): Promise<string[]> {
    const lookup = this.lookups.get(kind);
    if (!lookup) {
      throw new Error(`no scope registered for ${kind}`);
    }
    // Guards run before validation: a malformed id belongs to no shelter.
    if (!isUUID(id)) {
      return [];
    }
    const found = await Promise.all(
      [lookup, ...(this.extensions.get(kind) ?? [])].map((find) => find(id)),
    );
    return [...new Set(found.flat())];
  }
}
