import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { ScopeLookups } from './policy.js';

type Lookup = (id: string) => Promise<string[]>;

/**
 * Where libs register how to find the shelters a record belongs to, so that the auth guard can
 * scope operations on residents, appointments and later referrals without knowing those libs.
 */
@Injectable()
export class ScopeRegistry implements ScopeLookups {
  private readonly lookups = new Map<string, Lookup>();

  register(kind: string, lookup: Lookup): void {
    this.lookups.set(kind, lookup);
  }

  async shelters(kind: string, id: string): Promise<string[]> {
    const lookup = this.lookups.get(kind);
    if (!lookup) {
      throw new Error(`no scope registered for ${kind}`);
    }
    // Guards run before validation: a malformed id belongs to no shelter.
    return isUUID(id) ? lookup(id) : [];
  }
}
