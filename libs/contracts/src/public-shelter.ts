import type { BandName, PopulationName, ServiceName, ShelterStatusName } from './names.js';
import type { OpeningHours } from './opening-hours.js';

/** Place counts; null where the public must not see them (sensitive) or cannot trust them (stale, closed). */
export interface PublicCounts {
  freeBeds: number | null;
  totalBeds: number | null;
  overflowFree: number | null;
  overflowTotal: number | null;
}

/**
 * One shelter as the public snapshot (`GET /availability.json`) and the `/public` socket carry
 * it: what a map and its detail sheet need, so that they work offline too, and nothing else.
 * Built from public aggregates only (the approximate point of a sensitive shelter, its bands
 * without counts, its borough without a street); never from residents.
 */
export interface PublicShelter {
  id: string;
  /** The shelter's availability version: keep the highest seen. */
  version: number;
  /** The area it is announced in: `b:<borough code>` or `g:<lat cell>:<lng cell>`. */
  area: string;
  name: string;
  status: ShelterStatusName;
  location: {
    lat: number;
    lng: number;
    /** True for a sensitive shelter: the centre of an area, not the door. */
    approximate: boolean;
    radiusKm: number | null;
  };
  populations: PopulationName[];
  services: ServiceName[];
  languages: string[];
  address: {
    street: string | null;
    neighbourhood: string | null;
    /** The borough's name, as the catalogue (BOROUGHS) writes it. */
    borough: string | null;
    /** The borough's code in the catalogue: what to group or match by. */
    boroughCode: string | null;
    city: string | null;
    state: string | null;
    postalCode: string | null;
  };
  contact: { phone: string | null; whatsapp: string | null; email: string | null };
  /** When a person can come, as data: each page says it in its reader's language. */
  hours: OpeningHours | null;
  /** A note on the hours in the shelter's own words, shown as written (not translated). */
  openingHours: string | null;
  eligibility: {
    idRequired: boolean;
    petsAllowed: boolean;
    wheelchairAccessible: boolean;
    maxStayDays: number | null;
    /** Doors close at, local time, "HH:MM". */
    curfew: string | null;
  };
  availability: PublicCounts & {
    band: BandName;
    /** ISO time the figures were last reported or confirmed. */
    updatedAt: string | null;
    byPopulation: (PublicCounts & { population: PopulationName; band: BandName })[];
  };
}

/** `GET /availability.json`: every shelter, what a map loads before the socket brings updates. */
export interface PublicSnapshot {
  /** The server's clock when this was built: ages are computed against it, not the phone's. */
  serverTime: string;
  /** Figures older than this show as UNKNOWN (bandFor with freshness). */
  staleAfterMs: number;
  tickMs: number;
  shelters: PublicShelter[];
}
