/** The public snapshot's shapes (apps/api/src/realtime: PublicShelter, Snapshot). */
export type Band = 'SPACE' | 'FEW' | 'FULL' | 'CLOSED' | 'UNKNOWN';
export type Group = 'MEN' | 'WOMEN' | 'FAMILIES' | 'LGBTQ' | 'UNACCOMPANIED_MINORS';
export type Service =
  'MEALS' | 'SHOWERS' | 'LEGAL_AID' | 'MEDICAL' | 'PSYCHOSOCIAL' | 'INTERNET' | 'PHONE_CHARGING';

export const GROUPS: Group[] = ['MEN', 'WOMEN', 'FAMILIES', 'LGBTQ', 'UNACCOMPANIED_MINORS'];
export const SERVICES: Service[] = [
  'MEALS',
  'SHOWERS',
  'LEGAL_AID',
  'MEDICAL',
  'PSYCHOSOCIAL',
  'INTERNET',
  'PHONE_CHARGING',
];

interface Counts {
  freeBeds: number | null;
  totalBeds: number | null;
  overflowFree: number | null;
  overflowTotal: number | null;
}

export interface Shelter {
  id: string;
  version: number;
  area: string;
  name: string;
  status: string;
  location: { lat: number; lng: number; approximate: boolean; radiusKm: number | null };
  populations: Group[];
  services: Service[];
  languages: string[];
  address: {
    street: string | null;
    neighbourhood: string | null;
    borough: string | null;
    city: string | null;
  };
  contact: { phone: string | null; whatsapp: string | null; email: string | null };
  openingHours: string | null;
  eligibility: {
    idRequired: boolean;
    petsAllowed: boolean;
    wheelchairAccessible: boolean;
    maxStayDays: number | null;
    curfew: string | null;
  };
  availability: Counts & {
    band: Band;
    updatedAt: string | null;
    byPopulation: (Counts & { population: Group; band: Band })[];
  };
}

export interface Snapshot {
  serverTime: string;
  staleAfterMs: number;
  tickMs: number;
  shelters: Shelter[];
}
