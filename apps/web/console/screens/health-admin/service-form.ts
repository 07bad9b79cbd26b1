import { POPULATIONS, type PopulationName } from '@albergue/contracts';
import type { PeriodFields } from '../admin-shelters/shelter-form.js';
import { languageCodes } from '../../core/format.js';
import { hoursOf, typedNumber } from '../admin-shelters/shelter-form.js';
import {
  type AdminHealthService,
  type CreateHealthServiceVariables,
  SERVICE_REQUIREMENTS,
  type ServiceCategoryName,
  type ServiceCostName,
  type ServiceRequirementName,
  type UpdateHealthServiceVariables,
} from './documents.js';

/**
 * A health service's form as people fill it in: everything as typed, turned into the API's input
 * only when sent, so that the API is the one that says what is wrong (a point with one half, no
 * street and no area).
 */
export interface ServiceFormValues {
  organisationId: string;
  name: string;
  category: ServiceCategoryName;
  street: string;
  boroughCode: string;
  lat: string;
  lng: string;
  phone: string;
  alwaysOpen: boolean;
  periods: PeriodFields[];
  /** ISO 639 codes as typed: "es, ht fr". */
  languages: string;
  cost: ServiceCostName;
  requirements: ServiceRequirementName[];
  /** None: everyone. */
  populations: PopulationName[];
  public: boolean;
  sensitive: boolean;
  active: boolean;
}

export function emptyServiceForm(): ServiceFormValues {
  return {
    organisationId: '',
    name: '',
    category: 'CLINIC',
    street: '',
    boroughCode: '',
    lat: '',
    lng: '',
    phone: '',
    alwaysOpen: false,
    periods: [],
    languages: 'es',
    cost: 'FREE',
    requirements: [],
    populations: [],
    public: false,
    sensitive: false,
    active: true,
  };
}

const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** A coordinate as typed; nothing typed is no point (null), nonsense too (the API then asks). */
function coordinate(text: string): number | null {
  const value = typedNumber(text);
  return Number.isFinite(value) ? value : null;
}

type Described = Omit<CreateHealthServiceVariables, 'requestId' | 'organisationId'>;

/** What a new service and an edit share: every field of the form, in the API's shape. */
export function describedService(form: ServiceFormValues): Described {
  return {
    name: form.name.trim(),
    category: form.category,
    street: optional(form.street),
    boroughCode: optional(form.boroughCode),
    lat: coordinate(form.lat),
    lng: coordinate(form.lng),
    phone: optional(form.phone),
    hours: hoursOf(form),
    languages: languageCodes(form.languages),
    cost: form.cost,
    requirements: SERVICE_REQUIREMENTS.filter((each) => form.requirements.includes(each)),
    populations: POPULATIONS.filter((each) => form.populations.includes(each)),
    public: form.public,
    sensitive: form.sensitive,
    active: form.active,
  };
}

export function createServiceInput(
  form: ServiceFormValues,
  requestId: string,
): CreateHealthServiceVariables {
  return { ...describedService(form), organisationId: form.organisationId, requestId };
}

/** An edit sends the whole form: a field emptied is cleared (street, area, phone, hours). */
export function updateServiceInput(form: ServiceFormValues): UpdateHealthServiceVariables {
  return describedService(form);
}

/** The form of a service as it is now. */
export function formOfService(service: AdminHealthService): ServiceFormValues {
  return {
    organisationId: service.organisationId,
    name: service.name,
    category: service.category,
    street: service.street ?? '',
    boroughCode: service.boroughCode ?? '',
    lat: service.lat === null ? '' : String(service.lat),
    lng: service.lng === null ? '' : String(service.lng),
    phone: service.phone ?? '',
    alwaysOpen: service.hours?.alwaysOpen ?? false,
    periods: (service.hours?.periods ?? []).map((period) => ({
      days: [...period.days],
      opens: period.opens,
      closes: period.closes,
    })),
    languages: service.languages.join(', '),
    cost: service.cost,
    requirements: [...service.requirements],
    populations: POPULATIONS.filter((each) => service.populations.includes(each)),
    public: service.public,
    sensitive: service.sensitive,
    active: service.active,
  };
}
