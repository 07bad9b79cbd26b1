import { SetMetadata } from '@nestjs/common';
import { registerEnumType } from '@nestjs/graphql';

/** Shelter roles are held per shelter (a membership); network roles hold everywhere. */
export enum Role {
  VOLUNTEER = 'volunteer',
  COORDINATOR = 'coordinator',
  HEALTH_WORKER = 'health_worker',
  /** Staff of a health service (a clinic): held per service, a scope beside shelters. */
  SERVICE_STAFF = 'service_staff',
  NETWORK_COORDINATOR = 'network_coordinator',
  ADMIN = 'admin',
}

export const SHELTER_ROLES = [Role.VOLUNTEER, Role.COORDINATOR, Role.HEALTH_WORKER] as const;
export type ShelterRole = (typeof SHELTER_ROLES)[number];
export const NETWORK_ROLES = [Role.NETWORK_COORDINATOR, Role.ADMIN] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

registerEnumType(Role, { name: 'Role' });

/** Who is acting: set on the request by the auth lib's guard once the session checks out. */
export interface Actor {
  userId: string;
  sessionId: string;
  networkRole: NetworkRole | null;
  /** shelterId -> the role held there (a field visit's membership only until it ends). */
  memberships: Map<string, ShelterRole>;
  /** The health services whose staff the user is (role SERVICE_STAFF there). */
  services: Set<string>;
  /**
   * The second-factor step this session still owes (`verify` a code, `enrol` a factor first);
   * absent once signed in fully. Only operations declared `duringSecondFactor` see such an actor.
   */
  pendingStep?: 'verify' | 'enrol';
}

/**
 * Finds the shelters an operation acts in, from its arguments: directly (`input.shelterId`) or
 * through a record that belongs to shelters (a resident's current and recent shelters), looked up
 * with the scopes libs register. The actor needs a listed role in any of them, or with
 * `scopeMode: 'all'` (merging records of two shelters) in every one.
 */
export type ShelterOf = (
  args: Record<string, unknown>,
  scopes: ScopeLookups,
) => string | null | undefined | Promise<string[]>;

/** Record kind -> the shelters (or health services) a record of that kind belongs to now (none when unknown). */
export interface ScopeLookups {
  shelters(kind: string, id: string): Promise<string[]>;
  services(kind: string, id: string): Promise<string[]>;
}

/**
 * Finds the health services an operation acts in (the service a referral is sent to), as
 * `ShelterOf` finds shelters: SERVICE_STAFF, when listed, acts only in those.
 */
export type ServiceOf = ShelterOf;

export type Policy =
  | { kind: 'public' }
  /** Any signed-in user, acting on their own account (me, changePassword, logout). */
  | { kind: 'authenticated' }
  /**
   * Network roles listed act anywhere; shelter roles listed act only in the shelter `shelterOf`
   * finds in the arguments (none found: shelter roles are refused).
   */
  | {
      kind: 'roles';
      roles: Role[];
      shelterOf?: ShelterOf;
      scopeMode?: 'any' | 'all';
      /** Where SERVICE_STAFF (when listed) acts: the services this finds, any of them. */
      serviceOf?: ServiceOf;
    };

export interface PolicyOptions {
  /** The operation writes its own audit rows (login, say), so the generic mutation audit skips it. */
  auditsItself?: boolean;
  /**
   * Open also to a session that still owes this second-factor step (`both`: either step), for
   * the few operations that finish a sign-in (`me`, `logout`, the second-factor steps).
   */
  duringSecondFactor?: 'verify' | 'enrol' | 'both';
}

export const POLICY = Symbol('albergue:policy');

export type DeclaredPolicy = Policy & PolicyOptions;

/** Open to anyone, without a session: the public map's operations. */
export const Public = (options: PolicyOptions = {}) =>
  SetMetadata(POLICY, { kind: 'public', ...options });

export const Authenticated = (options: PolicyOptions = {}) =>
  SetMetadata(POLICY, { kind: 'authenticated', ...options });

/** The roles that may run an operation; without this (or Public/Authenticated) it is denied to all. */
export const Allow = (
  roles: Role[],
  scope: {
    shelterOf?: ShelterOf;
    scopeMode?: 'any' | 'all';
    serviceOf?: ServiceOf;
  } & PolicyOptions = {},
) => SetMetadata(POLICY, { kind: 'roles', roles, ...scope });

/** Reads a dotted path (`input.shelterId`) from resolver arguments. */
export const argPath =
  (path: string): ShelterOf =>
  (args) => {
    let value: unknown = args;
    for (const key of path.split('.')) {
      value =
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    return typeof value === 'string' ? value : null;
  };

/** The shelters of a record found by an id argument (`residentId`), through a registered scope. */
export const recordScope =
  (kind: string, path: string): ShelterOf =>
  (args, scopes) => {
    const id = argPath(path)(args, scopes);
    return typeof id === 'string' ? scopes.shelters(kind, id) : null;
  };

/** The health services of a record found by an id argument (`referralId`), through a registered scope. */
export const recordServices =
  (kind: string, path: string): ServiceOf =>
  (args, scopes) => {
    const id = argPath(path)(args, scopes);
    return typeof id === 'string' ? scopes.services(kind, id) : null;
  };
