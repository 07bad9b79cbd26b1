import { ageText, type Catalogue, type MessageKey } from './catalogue.js';
import { type Hours, hoursText } from './hours.js';
import { languageName } from './locale.js';
import { format } from './message.js';

/**
 * A public health service as the map's sheet and `/text` say it (the referrals lib's
 * PublicHealthService, its enums as lower-case values: `clinic`, `not_accepting`, `women`).
 */
export interface HealthServiceFacts {
  name: string;
  category: string;
  sensitive: boolean;
  street: string | null;
  borough: string | null;
  distanceKm: number | null;
  phone: string | null;
  hours: Hours | null;
  languages: readonly string[];
  cost: string;
  requirements: readonly string[];
  populations: readonly string[];
  capacity: { status: string; waitDays: number | null; reportedAt: string | null };
}

/** A symbol with every capacity's words: never told by colour alone. */
const SYMBOL: Record<string, string> = {
  accepting: '✔',
  waitlist: '!',
  not_accepting: '✖',
  unknown: '?',
};

export interface HealthServiceText {
  /** "✔ Recibe personas", "! Lista de espera · espera de 3 días", "? Cupo desconocido…". */
  capacity: string;
  /** "actualizado hace 2 h"; empty when never reported. */
  age: string;
  /** "Calle…, Cuauhtémoc · a 1.2 km", or the borough and the area-only note for a sensitive one. */
  where: string;
  /** Labelled lines: [label, text], only those with something to say. */
  details: [string, string][];
}

/** The words of one service in a catalogue's language, against the server's clock. */
export function healthServiceText(
  catalogue: Catalogue,
  service: HealthServiceFacts,
  now: number,
): HealthServiceText {
  const t = (key: string, params?: Record<string, string | number>) =>
    format(catalogue.strings[key as MessageKey], params, catalogue.code);
  const { capacity } = service;
  const never = capacity.status === 'unknown' && !capacity.reportedAt;
  const status = t(never ? 'health.capacity.never' : `health.capacity.${capacity.status}`);
  const wait =
    capacity.status === 'waitlist' && capacity.waitDays !== null
      ? ` · ${t('health.capacity.wait', { n: capacity.waitDays })}`
      : '';
  const where = service.sensitive
    ? [service.borough, t('health.areaOnly')]
    : [
        [service.street, service.borough].filter(Boolean).join(', '),
        service.distanceKm === null
          ? ''
          : t('nearest.distance', { km: service.distanceKm.toFixed(1) }),
      ];
  const hours = hoursText(catalogue, service.hours);
  const details: [string, string][] = [
    [t('detail.hours'), hours],
    [
      t('detail.languages'),
      service.languages.map((code) => languageName(catalogue, code)).join(', '),
    ],
    [
      t('detail.requirements'),
      [
        t(`health.cost.${service.cost}`),
        ...service.requirements.map((requirement) => t(`health.req.${requirement}`)),
      ].join(', '),
    ],
    [
      t('health.for'),
      service.populations.map((group) => t(`group.${group.toUpperCase()}`)).join(', '),
    ],
  ];
  return {
    capacity: `${SYMBOL[capacity.status] ?? '?'} ${status}${wait}`,
    age: never ? '' : ageText(t, capacity.reportedAt, now),
    where: where.filter(Boolean).join(' · '),
    details: details.filter(([, text]) => text !== ''),
  };
}

/** The category's name ("Clínica", "Salud mental y apoyo psicosocial"). */
export function serviceCategoryName(catalogue: Catalogue, category: string): string {
  return format(
    catalogue.strings[`health.category.${category}` as MessageKey],
    undefined,
    catalogue.code,
  );
}
