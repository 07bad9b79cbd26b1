import {
  BedKind,
  BedsModeService,
  BedsService,
  CheckInService,
  HoldsService,
  MovementsService,
  RecordsService,
  TurnawayReason,
} from '@albergue/occupancy';
import { LegalBasis, type RegisterHouseholdInput, ResidentsService } from '@albergue/residents';
import { type CapacityInput, Population } from '@albergue/shelters';
import { randomUUID } from 'node:crypto';
import { demoCoordinator } from './demo-caller.js';
import type { DataSource } from 'typeorm';
import { DemoClock } from './demo-clock.js';
import { seeded } from './seeded.js';

/** A demo shelter that counts bed by bed: its declared places become rooms and beds. */
export interface DemoBedsShelter {
  id: string;
  capacity: CapacityInput[];
}

/** A named demo household (demo-residents.ts), registered at a beds-mode shelter of its group. */
export interface DemoHousehold {
  householdId: string;
  shelterId: string;
  population: Population;
  residentIds: string[];
}

export interface DemoOccupancyServices {
  dataSource: DataSource;
  residents: ResidentsService;
  beds: BedsService;
  bedsMode: BedsModeService;
  checkIns: CheckInService;
  holds: HoldsService;
  movements: MovementsService;
  records: RecordsService;
}

export interface DemoOccupancySummary {
  beds: number;
  stays: number;
  departures: number;
  turnaways: number;
  holds: number;
}

const WEEK = 7;
const ROOM_SIZE = 12;

const ROOM_NAMES: Record<Population, string> = {
  [Population.MEN]: 'Dormitorio hombres',
  [Population.WOMEN]: 'Dormitorio mujeres',
  [Population.FAMILIES]: 'Cuarto familiar',
  [Population.LGBTQ]: 'Dormitorio diversidad',
  [Population.UNACCOMPANIED_MINORS]: 'Dormitorio menores',
};

const GIVEN = [
  'Wilner',
  'Yolanda',
  'Fabiola',
  'Jonel',
  'Daniela',
  'Kervens',
  'Mirlande',
  'Josué',
  'Lucía',
  'Edwin',
  'Nadège',
  'Rosaura',
  'Franklin',
  'Guerline',
  'Mateo',
  'Dayana',
  'Samuel',
  'Yessenia',
];
const FAMILY = [
  'Joseph',
  'Pierre',
  'Hernández',
  'Castillo',
  'Louis',
  'Mejía',
  'Baptiste',
  'Rivas',
  'Delva',
  'Ortiz',
  'Charles',
  'Funes',
  'Mendoza',
  'Saint-Louis',
];
const NATIONALITIES = ['HT', 'VE', 'HN', 'GT', 'SV', 'CU', 'CO', 'EC'];

/**
 * The beds-mode part of the demo: rooms and beds set up a week ago at the shelters that count bed
 * by bed, then switched over; a week of arrivals (fictional people, every name "(demo)") and
 * departures, turnaways at the gate when a group was full, the named households checked in, one
 * of them on its way to another shelter (a transfer under way), and a hold for someone coming.
 * Demand is seeded, so every fresh start shows the same week.
 */
export async function loadDemoOccupancy(
  services: DemoOccupancyServices,
  shelters: DemoBedsShelter[],
  households: DemoHousehold[],
  coordinatorId: string,
): Promise<DemoOccupancySummary> {
  const clock = new DemoClock();
  const random = seeded(2026);
  const caller = demoCoordinator(
    coordinatorId,
    shelters.map((s) => s.id),
  );
  const summary: DemoOccupancySummary = {
    beds: 0,
    stays: 0,
    departures: 0,
    turnaways: 0,
    holds: 0,
  };
  for (const shelter of shelters) {
    summary.beds += await setUpBeds(services, shelter, clock);
  }

  /** Everyone in a bed now, by shelter and group; the named households never leave. */
  const occupants = new Map<string, { population: Population; residentIds: string[] }[]>(
    shelters.map((s) => [s.id, []]),
  );
  const bedsOf = (shelter: DemoBedsShelter, population: Population) =>
    shelter.capacity.find((c) => c.population === population)?.totalBeds ?? 0;
  const taken = (shelterId: string, population: Population) =>
    occupants
      .get(shelterId)!
      .filter((o) => o.population === population)
      .reduce((sum, o) => sum + o.residentIds.length, 0);
  const checkIn = async (shelterId: string, residentIds: string[], at: Date) => {
    const stays = await services.checkIns.checkIn(coordinatorId, {
      requestId: randomUUID(),
      shelterId,
      residentIds,
    });
    for (const stay of stays) {
      clock.date('bed_assignment.started_at', stay.id, at);
    }
    summary.stays += stays.length;
  };

  for (let day = WEEK; day >= 0; day -= 1) {
    for (const shelter of shelters) {
      const here = occupants.get(shelter.id)!;
      if (day < WEEK) {
        // Mornings: some leave (for COMAR's city, another shelter, onward).
        for (const group of here.filter((o) => !o.residentIds.some(isNamed)).slice()) {
          if (random() < 0.18) {
            for (const residentId of group.residentIds) {
              const ended = await services.checkIns.checkOut(coordinatorId, {
                requestId: randomUUID(),
                residentId,
              });
              clock.date('bed_assignment.ended_at', ended.id, clock.at(day, -10));
              summary.departures += 1;
            }
            here.splice(here.indexOf(group), 1);
          }
        }
      }
      if (day === WEEK) {
        // The named households came first, when every shelter still had room.
        for (const household of households.filter((h) => h.shelterId === shelter.id)) {
          await checkIn(shelter.id, household.residentIds, clock.at(day, -6));
          here.push({ population: household.population, residentIds: household.residentIds });
        }
      }
      // Evenings: arrivals until the group is full; beyond, turnaways at the gate. Today
      // leaves room, so that a transfer and a hold can land.
      for (const [slot, { population }] of shelter.capacity.entries()) {
        const demand = day === 0 ? 0.45 + random() * 0.3 : 0.55 + random() * 0.6;
        let wanted =
          Math.round(bedsOf(shelter, population) * demand) - taken(shelter.id, population);
        let minute = 0;
        while (wanted > 0) {
          const size = population === Population.FAMILIES ? 2 + Math.floor(random() * 3) : 1;
          const at = clock.at(day, -4 + slot + minute / 60);
          minute += 7;
          if (taken(shelter.id, population) + size > bedsOf(shelter, population)) {
            const turnedAway = await services.records.recordTurnaway(coordinatorId, {
              requestId: randomUUID(),
              shelterId: shelter.id,
              population,
              count: wanted,
              reason: TurnawayReason.NO_SPACE,
            });
            clock.date('turnaway.at', turnedAway.id, at);
            summary.turnaways += wanted;
            break;
          }
          const household = await services.residents.registerHousehold(
            caller,
            arrival(shelter.id, population, size, random),
          );
          const residentIds = household.members.map((m) => m.id);
          await checkIn(shelter.id, residentIds, at);
          here.push({ population, residentIds });
          wanted -= size;
        }
      }
    }
  }

  // On the way now: one named family transferred to another beds-mode shelter for families,
  // and a place kept for a man a partner shelter is sending.
  const family = households.find((h) => h.population === Population.FAMILIES);
  const elsewhere = shelters.find(
    (s) => s.id !== family?.shelterId && bedsOf(s, Population.FAMILIES) > 0,
  );
  if (family && elsewhere) {
    await services.movements.transfer(coordinatorId, {
      requestId: randomUUID(),
      fromShelterId: family.shelterId,
      householdId: family.householdId,
      toShelterId: elsewhere.id,
    });
    summary.holds += family.residentIds.length;
  }
  const forMen = shelters.find((s) => bedsOf(s, Population.MEN) > 0);
  const sender = shelters.find((s) => s.id !== forMen?.id);
  if (forMen && sender) {
    await services.holds.placeHold(coordinatorId, {
      requestId: randomUUID(),
      fromShelterId: sender.id,
      shelterId: forMen.id,
      population: Population.MEN,
      count: 1,
    });
    summary.holds += 1;
  }
  await clock.apply(services.dataSource);
  return summary;

  function isNamed(residentId: string): boolean {
    return households.some((h) => h.residentIds.includes(residentId));
  }
}

/** Rooms of up to ROOM_SIZE beds for each group's declared places, made a week ago, then the switch. */
async function setUpBeds(
  services: DemoOccupancyServices,
  shelter: DemoBedsShelter,
  clock: DemoClock,
): Promise<number> {
  const madeAt = clock.at(WEEK + 1);
  let made = 0;
  for (const { population, totalBeds } of shelter.capacity) {
    for (let room = 1; room * ROOM_SIZE - ROOM_SIZE < totalBeds; room += 1) {
      const created = await services.beds.createRoom({
        requestId: randomUUID(),
        shelterId: shelter.id,
        name: `${ROOM_NAMES[population]} ${room}`,
      });
      clock.date('room.created_at', created.id, madeAt);
      const beds = await services.beds.addBeds({
        requestId: randomUUID(),
        roomId: created.id,
        count: Math.min(ROOM_SIZE, totalBeds - (room - 1) * ROOM_SIZE),
        kind: population === Population.FAMILIES ? BedKind.BED : BedKind.BUNK,
        population,
      });
      for (const bed of beds) {
        clock.date('bed.created_at', bed.id, madeAt);
      }
      made += beds.length;
    }
  }
  await services.bedsMode.switchToBedsMode({ requestId: randomUUID(), shelterId: shelter.id });
  // Switched when the beds were made: the week's figures come from its beds.
  clock.date('shelter.beds_mode_since', shelter.id, madeAt);
  return made;
}

/** A fictional household arriving: an adult, and for a family children in their care. */
function arrival(
  shelterId: string,
  population: Population,
  size: number,
  random: () => number,
): RegisterHouseholdInput {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const family = pick(FAMILY);
  const nationality = pick(NATIONALITIES);
  const languages = nationality === 'HT' ? ['ht', 'fr'] : ['es'];
  const members = Array.from({ length: size }, (_, index) => ({
    name: `${pick(GIVEN)} ${family} (demo)`,
    birthYear: index === 0 ? 1975 + Math.floor(random() * 30) : 2010 + Math.floor(random() * 14),
    nationality,
    population,
    languages,
    guardianIndex: index === 0 ? undefined : 0,
  }));
  return {
    requestId: randomUUID(),
    shelterId,
    members,
    legalBasis: {
      basis: LegalBasis.CONSENT,
      explainedIn: languages[0],
      consentIndependentOfService: true,
    },
    // Fictional people drawn from short lists of names: look-alikes are expected, not duplicates.
    confirmNew: true,
  };
}
