import { AccountsService } from '@albergue/auth';
import { Role } from '@albergue/common';
import { BedKind, BedsModeService, BedsService } from '@albergue/occupancy';
import type { Caller } from '@albergue/common';
import { LegalBasis, ResidentsService } from '@albergue/residents';
import {
  type CapacityInput,
  OrganisationKind,
  OrganisationsService,
  Population,
  SheltersService,
} from '@albergue/shelters';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CITY_BOROUGHS } from '../demo/demo-network.js';

export interface SeedSize {
  shelters: number;
  residents: number;
  /** The share of shelters that count bed by bed (rooms and beds); the others report counts. */
  bedsShare: number;
}

export type Progress = (step: string, done: number, total: number) => void;

const GROUPS: Population[][] = [
  [Population.MEN],
  [Population.WOMEN, Population.FAMILIES],
  [Population.FAMILIES],
  [Population.MEN, Population.WOMEN],
  [Population.LGBTQ],
  [Population.UNACCOMPANIED_MINORS],
];
const GIVEN = [
  'Jean',
  'Mirlande',
  'Wilson',
  'Roseline',
  'Carlos',
  'María',
  'Yohana',
  'Luis',
  'Fatou',
  'Samir',
];
const FAMILY = ['Pierre', 'Dorival', 'Exantus', 'García', 'López', 'Joseph', 'Diallo', 'Hernández'];
const NATIONALITIES = ['HT', 'VE', 'HN', 'GT', 'SV', 'CU', 'CO', 'EC', 'SN', 'AF'];
const HOUSEHOLDS_PER_TRANSACTION = 200;

/** A small seeded PRNG, so that two seeds of one size are the same network. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED_EMAIL = 'seed@albergue.invalid';

/** The account the seeded records name as their recorder: never able to sign in (inactive, no password). */
async function seedAccount(app: INestApplicationContext): Promise<string> {
  const [existing] = await app
    .get(DataSource)
    .query<{ id: string }[]>('SELECT id FROM app_user WHERE email = $1', [SEED_EMAIL]);
  if (existing) {
    return existing.id;
  }
  const accounts = app.get(AccountsService);
  const user = await accounts.create({
    requestId: randomUUID(),
    email: SEED_EMAIL,
    displayName: 'Seed (benchmarks)',
  } as Parameters<AccountsService['create']>[0]);
  await accounts.update(user.id, { active: false } as Parameters<AccountsService['update']>[1]);
  return user.id;
}

/**
 * A large fictional network for benchmarks: shelters over the city's boroughs (a share of them
 * in beds mode, the rest with reported counts) and residents registered in households, through
 * the same services the API uses (sealing, hashes, outbox), in large transactions.
 */
export async function seedLargeNetwork(
  app: INestApplicationContext,
  size: SeedSize,
  progress: Progress,
): Promise<{ shelterIds: string[]; residents: number }> {
  const random = seeded(1000);
  const organisations = app.get(OrganisationsService);
  const shelters = app.get(SheltersService);
  const beds = app.get(BedsService);
  const bedsMode = app.get(BedsModeService);
  const orgIds: string[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(size.shelters / 20)); i += 1) {
    const org = await organisations.create({
      requestId: randomUUID(),
      name: `Red de prueba ${i + 1}`,
      kind: OrganisationKind.NGO,
    } as Parameters<OrganisationsService['create']>[0]);
    orgIds.push(org.id);
  }
  const shelterIds: string[] = [];
  const served = new Map<string, Population[]>();
  const bedsEvery = size.bedsShare > 0 ? Math.round(1 / size.bedsShare) : 0;
  for (let i = 0; i < size.shelters; i += 1) {
    const borough = CITY_BOROUGHS[i % CITY_BOROUGHS.length];
    const populations = GROUPS[i % GROUPS.length];
    const capacity: CapacityInput[] = populations.map((population) => ({
      population,
      totalBeds: 10 + Math.floor(random() * 190),
    }));
    const shelter = await shelters.create({
      requestId: randomUUID(),
      organisationId: orgIds[i % orgIds.length],
      name: `Albergue de prueba ${i + 1}`,
      location: {
        lat: borough.centre.lat + (random() - 0.5) * 0.06,
        lng: borough.centre.lng + (random() - 0.5) * 0.06,
      },
      address: { street: `Calle ${i + 1}`, boroughCode: borough.code, city: 'Ciudad de México' },
      capacity,
    } as Parameters<SheltersService['create']>[0]);
    shelterIds.push(shelter.id);
    served.set(shelter.id, populations);
    if (bedsEvery > 0 && i % bedsEvery === 0) {
      const room = await beds.createRoom({
        requestId: randomUUID(),
        shelterId: shelter.id,
        name: 'Dormitorio',
      });
      for (const { population, totalBeds } of capacity) {
        await beds.addBeds({
          requestId: randomUUID(),
          roomId: room.id,
          count: Math.min(totalBeds, 500),
          kind: BedKind.BUNK,
          population,
        } as Parameters<BedsService['addBeds']>[0]);
      }
      await bedsMode.switchToBedsMode({ requestId: randomUUID(), shelterId: shelter.id });
    }
    progress('shelters', i + 1, size.shelters);
  }
  const residents = app.get(ResidentsService);
  const dataSource = app.get(DataSource);
  const caller: Caller = {
    actor: {
      userId: await seedAccount(app),
      sessionId: 'seed',
      networkRole: Role.ADMIN,
      memberships: new Map(),
      services: new Set(),
    },
    ip: '127.0.0.1',
    requestId: 'seed',
  };
  let registered = 0;
  while (registered < size.residents) {
    await dataSource.transaction(async (manager) => {
      for (let h = 0; h < HOUSEHOLDS_PER_TRANSACTION && registered < size.residents; h += 1) {
        const shelterId = shelterIds[Math.floor(random() * shelterIds.length)];
        const groups = served.get(shelterId)!;
        const population = groups[Math.floor(random() * groups.length)];
        const members = Math.min(
          size.residents - registered,
          population === Population.FAMILIES ? 2 + Math.floor(random() * 3) : 1,
        );
        const family = FAMILY[Math.floor(random() * FAMILY.length)];
        await residents.insertHousehold(manager, caller, {
          shelterId,
          members: Array.from({ length: members }, (_, m) => ({
            name: `${GIVEN[Math.floor(random() * GIVEN.length)]} ${family} ${registered + m}`,
            birthYear: 1960 + Math.floor(random() * 45),
            nationality: NATIONALITIES[Math.floor(random() * NATIONALITIES.length)],
            population,
          })),
          legalBasis: { basis: LegalBasis.VITAL_INTEREST, explainedIn: 'es' },
          // Generated people, many sharing a given and a family name: none is a duplicate.
          confirmNew: true,
        } as Parameters<ResidentsService['insertHousehold']>[2]);
        registered += members;
      }
    });
    progress('residents', registered, size.residents);
  }
  return { shelterIds, residents: registered };
}
