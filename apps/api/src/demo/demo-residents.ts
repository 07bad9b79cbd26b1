import {
  AppointmentKind,
  AsylumStatus,
  type AsylumService,
  LegalBasis,
  type ResidentsService,
} from '@albergue/residents';
import { Population } from '@albergue/shelters';
import { randomUUID } from 'node:crypto';
import { demoCoordinator } from './demo-caller.js';
import type { DemoHousehold } from './demo-occupancy.js';

interface DemoPerson {
  name: string;
  birthYear: number;
  nationality: string;
  population: Population;
  languages: string[];
  guardianIndex?: number;
}

/** Fictional households: every name ends in "(demo)". */
const HOUSEHOLDS: DemoPerson[][] = [
  [
    {
      name: 'Jean Exemple (demo)',
      birthYear: 1987,
      nationality: 'HT',
      population: Population.FAMILIES,
      languages: ['ht', 'fr'],
    },
    {
      name: 'Marie Exemple (demo)',
      birthYear: 1990,
      nationality: 'HT',
      population: Population.FAMILIES,
      languages: ['ht', 'fr'],
    },
    {
      name: 'Petit Exemple (demo)',
      birthYear: 2019,
      nationality: 'HT',
      population: Population.FAMILIES,
      languages: ['ht'],
      guardianIndex: 1,
    },
  ],
  [
    {
      name: 'Luis Muestra (demo)',
      birthYear: 1995,
      nationality: 'VE',
      population: Population.MEN,
      languages: ['es'],
    },
  ],
  [
    {
      name: 'Carmen Modelo (demo)',
      birthYear: 1983,
      nationality: 'HN',
      population: Population.WOMEN,
      languages: ['es'],
    },
  ],
  [
    {
      name: 'Alex Prueba (demo)',
      birthYear: 1999,
      nationality: 'SV',
      population: Population.LGBTQ,
      languages: ['es', 'en'],
    },
  ],
  [
    {
      name: 'Ana Ejemplo (demo)',
      birthYear: 1992,
      nationality: 'CU',
      population: Population.FAMILIES,
      languages: ['es'],
    },
    {
      name: 'Beto Ejemplo (demo)',
      birthYear: 2014,
      nationality: 'CU',
      population: Population.FAMILIES,
      languages: ['es'],
      guardianIndex: 0,
    },
  ],
  [
    {
      name: 'Paulo Amostra (demo)',
      birthYear: 1989,
      nationality: 'BR',
      population: Population.MEN,
      languages: ['pt', 'es'],
    },
  ],
  [
    {
      name: 'Rose Modèle (demo)',
      birthYear: 1979,
      nationality: 'HT',
      population: Population.WOMEN,
      languages: ['ht'],
    },
  ],
  [
    {
      name: 'Omar Ejemplar (demo)',
      birthYear: 2001,
      nationality: 'GT',
      population: Population.MEN,
      languages: ['es', 'quc'],
    },
  ],
];

/** Steps along the track, so that every stage shows up in the demo. */
const TRACKS: { status: AsylumStatus; folio?: boolean; caseNumber?: boolean }[][] = [
  [
    { status: AsylumStatus.PRE_REGISTERED, folio: true },
    { status: AsylumStatus.APPOINTMENT_SCHEDULED },
  ],
  [{ status: AsylumStatus.PRE_REGISTERED, folio: true }],
  [],
  [
    { status: AsylumStatus.PRE_REGISTERED, folio: true },
    { status: AsylumStatus.APPOINTMENT_SCHEDULED },
    { status: AsylumStatus.APPLICATION_FILED, caseNumber: true },
  ],
  [
    { status: AsylumStatus.PRE_REGISTERED, folio: true },
    { status: AsylumStatus.APPOINTMENT_SCHEDULED },
    { status: AsylumStatus.APPLICATION_FILED, caseNumber: true },
    { status: AsylumStatus.RECOGNISED },
  ],
  [
    { status: AsylumStatus.PRE_REGISTERED, folio: true },
    { status: AsylumStatus.APPOINTMENT_SCHEDULED },
    { status: AsylumStatus.APPLICATION_FILED, caseNumber: true },
    { status: AsylumStatus.REJECTED },
    { status: AsylumStatus.APPEAL },
  ],
  [{ status: AsylumStatus.ABANDONED }],
  [
    { status: AsylumStatus.PRE_REGISTERED, folio: true },
    { status: AsylumStatus.MOVED_TO_ANOTHER_OFFICE },
  ],
];

const OFFICES = [
  'COMAR Ciudad de México, Versalles 49',
  'INM, Ejército Nacional 862',
  'Consulado (demo)',
];

/**
 * The named demo households, each registered at the first of `shelters` (the demo coordinator's,
 * counting bed by bed) that serves its group, with tracks at every stage and appointments in the
 * coming days; demo-occupancy.ts checks them in. Demo mode only, never in production.
 */
export async function loadDemoResidents(
  residents: ResidentsService,
  asylum: AsylumService,
  coordinatorId: string,
  shelters: { id: string; capacity: { population: Population }[] }[],
): Promise<DemoHousehold[]> {
  const caller = demoCoordinator(
    coordinatorId,
    shelters.map((s) => s.id),
  );
  const registered: DemoHousehold[] = [];
  for (const [index, members] of HOUSEHOLDS.entries()) {
    const { population } = members[0];
    const shelter = shelters.find((s) => s.capacity.some((c) => c.population === population));
    if (!shelter) {
      throw new Error(`no demo shelter in beds mode serves ${population}`);
    }
    const household = await residents.registerHousehold(caller, {
      requestId: randomUUID(),
      shelterId: shelter.id,
      members,
      legalBasis: {
        basis: LegalBasis.CONSENT,
        explainedIn: members[0].languages[0],
        consentIndependentOfService: true,
      },
      // The demo's people are written to be distinct: no duplicate check to stop the loader.
      confirmNew: true,
    });
    const head = household.members[0];
    for (const { status, folio, caseNumber } of TRACKS[index]) {
      await asylum.changeStatus(caller, {
        residentId: head.id,
        status,
        office: 'COMAR Ciudad de México',
        comarFolio: folio ? `DEMO-${1000 + index}` : undefined,
        caseNumber: caseNumber ? `DEMO-CASE-${index}` : undefined,
      });
    }
    const hours = 6 + index * 9;
    await asylum.addAppointment(caller, {
      requestId: randomUUID(),
      residentId: head.id,
      kind: [AppointmentKind.COMAR, AppointmentKind.INM_TVRH, AppointmentKind.CONSULATE][index % 3],
      startsAt: new Date(Date.now() + hours * 3_600_000),
      place: OFFICES[index % 3],
    });
    registered.push({
      householdId: household.id,
      shelterId: shelter.id,
      population,
      residentIds: household.members.map((m) => m.id),
    });
  }
  return registered;
}
