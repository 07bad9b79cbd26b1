import type { AccountsService, SecondFactorService } from '@albergue/auth';
import { Role, type ShelterRole } from '@albergue/common';
import { randomUUID } from 'node:crypto';

/** Published in README: demo accounts exist only with demo data and never when NODE_ENV=production. */
export const DEMO_PASSWORD = 'demo-albergue-2026';
export const DEMO_DOMAIN = 'demo.example';
export const DEMO_COORDINATOR = 'coordinator@demo.example';
export const DEMO_ADMIN = 'admin@demo.example';
/**
 * Published in README too: the demo's network accounts (admin, network coordinator) are enrolled
 * with this TOTP secret, so that anyone trying the demo can add it to an authenticator app.
 */
export const DEMO_TOTP_SECRET = 'ALBERGUEDEMOSECRETALBERGUEDEMO23';

interface DemoUser {
  email: string;
  displayName: string;
  networkRole?: Role.ADMIN | Role.NETWORK_COORDINATOR;
  /** Indexes into the demo shelters, with the role held there. */
  shelters?: [number, ShelterRole][];
  /** Indexes into the demo health services (DEMO_HEALTH_SERVICES) whose staff they are. */
  services?: number[];
}

export const DEMO_USERS: DemoUser[] = [
  { email: DEMO_ADMIN, displayName: 'Demo admin', networkRole: Role.ADMIN },
  {
    email: 'network@demo.example',
    displayName: 'Demo network coordinator',
    networkRole: Role.NETWORK_COORDINATOR,
  },
  {
    email: 'coordinator@demo.example',
    displayName: 'Demo coordinator',
    // The shelters that count bed by bed (BEDS_MODE_SHELTERS): boards, holds and a transfer.
    shelters: [
      [1, Role.COORDINATOR],
      [2, Role.COORDINATOR],
      [5, Role.COORDINATOR],
    ],
  },
  {
    email: 'volunteer@demo.example',
    displayName: 'Demo volunteer',
    shelters: [[2, Role.VOLUNTEER]],
  },
  {
    email: 'health@demo.example',
    displayName: 'Demo health worker',
    shelters: [[2, Role.HEALTH_WORKER]],
  },
  {
    email: 'clinic@demo.example',
    displayName: 'Demo clinic staff',
    // The community clinic and the mobile clinic (one organisation): referrals and capacity.
    services: [0, 1],
  },
];

/** One account per role, working in the demo shelters (and services) named above; returns their ids by email. */
export async function loadDemoUsers(
  accounts: AccountsService,
  secondFactor: SecondFactorService,
  shelterIds: string[],
  serviceIds: string[] = [],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const demo of DEMO_USERS) {
    const user = await accounts.create({
      requestId: randomUUID(),
      email: demo.email,
      displayName: demo.displayName,
      networkRole: demo.networkRole ?? null,
    });
    await accounts.setPassword(user.id, DEMO_PASSWORD);
    if (demo.networkRole) {
      await secondFactor.enrolWithSecret(user.id, DEMO_TOTP_SECRET);
    }
    ids.set(demo.email, user.id);
    for (const [index, role] of demo.shelters ?? []) {
      await accounts.setMembership({ userId: user.id, shelterId: shelterIds[index], role });
    }
    for (const index of demo.services ?? []) {
      await accounts.setServiceMembership(user.id, serviceIds[index]);
    }
  }
  return ids;
}
