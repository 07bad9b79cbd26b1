import {
  POPULATIONS,
  type PopulationName,
  SERVICES,
  type ServiceName,
  type ShelterStatusName,
} from '@albergue/contracts';
import { languageCodes } from '../../core/format.js';
import type { CreateShelterVariables, ShelterToEdit, UpdateShelterVariables } from './documents.js';

/** One group's row of the form: served or not, and its places as typed. */
export interface GroupPlaces {
  served: boolean;
  totalBeds: string;
  overflowTotal: string;
}

export interface PeriodFields {
  days: number[];
  opens: string;
  closes: string;
}

/**
 * A shelter's form as people fill it in: everything as typed (numbers as text, a comma as a
 * decimal point is fine), turned into the API's input only when sent, so the API is the one
 * that says what is wrong.
 */
export interface ShelterFormValues {
  organisationId: string;
  name: string;
  status: ShelterStatusName;
  sensitive: boolean;
  groups: Record<PopulationName, GroupPlaces>;
  lat: string;
  lng: string;
  street: string;
  neighbourhood: string;
  boroughCode: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  whatsapp: string;
  email: string;
  alwaysOpen: boolean;
  periods: PeriodFields[];
  openingHours: string;
  /** ISO 639 codes as typed: "es, ht fr". */
  languages: string;
  services: ServiceName[];
  idRequired: boolean;
  petsAllowed: boolean;
  wheelchairAccessible: boolean;
  maxStayDays: string;
  curfew: string;
}

export function emptyGroups(): Record<PopulationName, GroupPlaces> {
  return Object.fromEntries(
    POPULATIONS.map((population) => [
      population,
      { served: false, totalBeds: '', overflowTotal: '' },
    ]),
  ) as Record<PopulationName, GroupPlaces>;
}

export function emptyShelterForm(organisationId = ''): ShelterFormValues {
  return {
    organisationId,
    name: '',
    status: 'OPEN',
    sensitive: false,
    groups: emptyGroups(),
    lat: '',
    lng: '',
    street: '',
    neighbourhood: '',
    boroughCode: '',
    city: 'Ciudad de México',
    state: '',
    postalCode: '',
    phone: '',
    whatsapp: '',
    email: '',
    alwaysOpen: false,
    periods: [],
    openingHours: '',
    languages: 'es',
    services: [],
    idRequired: false,
    petsAllowed: false,
    wheelchairAccessible: false,
    maxStayDays: '',
    curfew: '',
  };
}

/** A number as typed: "19,43" or "19.43"; NaN for nothing or nonsense (the API refuses it). */
export function typedNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** Whole places as typed; an empty field is no places. */
function places(text: string): number {
  const value = typedNumber(text);
  return Number.isNaN(value) ? 0 : value;
}

/** An optional text: nothing typed clears it (null), as the API takes it. */
const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim());

type Input = Omit<CreateShelterVariables, 'requestId' | 'organisationId'>;

/** What create and update share: the description, place, contact and rules of the shelter. */
function described(form: ShelterFormValues): Input {
  const maxStay = typedNumber(form.maxStayDays);
  return {
    name: form.name.trim(),
    status: form.status,
    sensitive: form.sensitive,
    // Sent as typed, a NaN as null: a point off the globe or a missing one is the API's to refuse.
    location: {
      lat: finiteOrNull(typedNumber(form.lat)),
      lng: finiteOrNull(typedNumber(form.lng)),
    },
    address: {
      street: optional(form.street),
      neighbourhood: optional(form.neighbourhood),
      boroughCode: optional(form.boroughCode),
      city: optional(form.city),
      state: optional(form.state),
      postalCode: optional(form.postalCode),
    },
    contact: {
      phone: optional(form.phone),
      whatsapp: optional(form.whatsapp),
      email: optional(form.email),
    },
    hours: hoursOf(form),
    openingHours: optional(form.openingHours),
    languages: languageCodes(form.languages),
    services: SERVICES.filter((service) => form.services.includes(service)),
    eligibility: {
      idRequired: form.idRequired,
      petsAllowed: form.petsAllowed,
      wheelchairAccessible: form.wheelchairAccessible,
      maxStayDays: Number.isNaN(maxStay) ? null : maxStay,
      curfew: optional(form.curfew),
    },
    capacity: capacityOf(form),
  } as Input;
}

function finiteOrNull(value: number): number {
  // GraphQL has no NaN: null makes the API say the field is missing, in its words.
  return (Number.isFinite(value) ? value : null) as number;
}

export function capacityOf(form: ShelterFormValues): Input['capacity'] {
  return POPULATIONS.filter((population) => form.groups[population].served).map((population) => ({
    population,
    totalBeds: places(form.groups[population].totalBeds),
    overflowTotal: places(form.groups[population].overflowTotal),
  }));
}

/** Always open, the periods typed (those with at least a day), or not stated (null). */
export function hoursOf(form: Pick<ShelterFormValues, 'alwaysOpen' | 'periods'>): Input['hours'] {
  if (form.alwaysOpen) {
    return { alwaysOpen: true };
  }
  const periods = form.periods
    .filter((period) => period.days.length > 0)
    .map((period) => ({
      days: [...period.days].sort((a, b) => a - b),
      opens: period.opens,
      closes: period.closes,
    }));
  return periods.length > 0 ? { periods } : null;
}

export function createInput(form: ShelterFormValues, requestId: string): CreateShelterVariables {
  return { ...described(form), organisationId: form.organisationId, requestId };
}

/**
 * An edit sends the whole form. A shelter in beds mode has its places made by its beds: its
 * declared capacity is not sent (the API refuses it; beds are changed in the set-up).
 */
export function updateInput(
  form: ShelterFormValues,
  trackingMode: 'BEDS' | 'COUNTS',
): UpdateShelterVariables {
  const { capacity, ...rest } = described(form);
  return trackingMode === 'BEDS' ? rest : { ...rest, capacity };
}

/** The form of a shelter as it is now, from the public description and the network's detail. */
export function formOf({ shelter, networkShelter }: ShelterToEdit): ShelterFormValues {
  const form = emptyShelterForm(shelter?.organisation.id ?? '');
  if (!shelter) {
    return form;
  }
  const groups = emptyGroups();
  for (const group of networkShelter.capacity) {
    groups[group.population] = {
      served: true,
      totalBeds: String(group.totalBeds),
      overflowTotal: group.overflowTotal ? String(group.overflowTotal) : '',
    };
  }
  const address = networkShelter.address;
  return {
    ...form,
    name: shelter.name,
    status: shelter.status,
    sensitive: shelter.sensitive,
    groups,
    lat: String(networkShelter.lat),
    lng: String(networkShelter.lng),
    street: address.street ?? '',
    neighbourhood: address.neighbourhood ?? '',
    boroughCode: address.boroughCode ?? '',
    city: address.city ?? '',
    state: address.state ?? '',
    postalCode: address.postalCode ?? '',
    phone: shelter.contact.phone ?? '',
    whatsapp: shelter.contact.whatsapp ?? '',
    email: shelter.contact.email ?? '',
    alwaysOpen: shelter.hours?.alwaysOpen ?? false,
    periods: (shelter.hours?.periods ?? []).map((period) => ({
      ...period,
      days: [...period.days],
    })),
    openingHours: shelter.openingHours ?? '',
    languages: shelter.languages.join(', '),
    services: [...shelter.services],
    idRequired: shelter.eligibility.idRequired,
    petsAllowed: shelter.eligibility.petsAllowed,
    wheelchairAccessible: shelter.eligibility.wheelchairAccessible,
    maxStayDays:
      shelter.eligibility.maxStayDays === null ? '' : String(shelter.eligibility.maxStayDays),
    curfew: shelter.eligibility.curfew ?? '',
  };
}
