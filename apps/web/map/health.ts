import {
  type Catalogue,
  type HealthServiceFacts,
  healthServiceText,
  serviceCategoryName,
} from '@albergue/i18n';
import { escapeHtml } from '../shared/escape-html';
import type { Point } from './nearest';

/**
 * The public health services near a shelter, for its detail sheet (issue 20). A chunk of its own,
 * loaded when a sheet first opens: the first view carries none of it. The public GraphQL query
 * gives only public, active services, a sensitive one without street or point.
 */
export interface HealthService extends HealthServiceFacts {
  id: string;
}

/** How many the sheet lists: the nearest few, within the query's default 5 km. */
const SHOWN = 5;

const QUERY = `query HealthNear($near: GeoPointInput!, $first: Int) {
  publicHealthServices(near: $near, first: $first) {
    id name category sensitive street borough distanceKm phone languages cost requirements populations
    hours { alwaysOpen periods { days opens closes } }
    capacity { status waitDays reportedAt }
  }
}`;

type Answer = {
  data?: {
    publicHealthServices: (Omit<HealthService, 'category' | 'cost' | 'capacity'> & {
      category: string;
      cost: string;
      capacity: HealthService['capacity'];
    })[];
  };
};

/** GraphQL's enum names (NOT_ACCEPTING, WOMEN) as the words' lower-case values. */
const lower = (name: string) => name.toLowerCase();

/** Asks the API (never the service worker's cache: it leaves /graphql alone). Throws offline. */
export async function loadNear(from: Point): Promise<HealthService[]> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { near: from, first: SHOWN } }),
  });
  const answer = (await response.json()) as Answer;
  if (!response.ok || !answer.data) {
    throw new Error('health services not loaded');
  }
  return answer.data.publicHealthServices.map((service) => ({
    ...service,
    category: lower(service.category),
    cost: lower(service.cost),
    requirements: service.requirements.map(lower),
    populations: service.populations.map(lower),
    capacity: { ...service.capacity, status: lower(service.capacity.status) },
  }));
}

const digits = (phone: string) => phone.replace(/[^\d+]/g, '');

/** The list, in the catalogue's language: capacity in words and symbol, with its age. */
export function healthListHtml(
  catalogue: Catalogue,
  services: HealthService[],
  now: number,
  none: string,
): string {
  if (services.length === 0) {
    return `<p class="note">${escapeHtml(none)}</p>`;
  }
  return `<ul class="health-list">${services
    .map((service) => {
      const words = healthServiceText(catalogue, service, now);
      const call = service.phone
        ? `<a class="action" href="tel:${escapeHtml(digits(service.phone))}">☎ ${escapeHtml(service.phone)}<span class="sr-only"> ${escapeHtml(service.name)}</span></a>`
        : '';
      return `<li data-service-id="${escapeHtml(service.id)}"><b>${escapeHtml(service.name)}</b> <small>${escapeHtml(serviceCategoryName(catalogue, service.category))}</small>
      <br><span class="capacity capacity-${escapeHtml(service.capacity.status.replace('_', '-'))}">${escapeHtml(words.capacity)}</span>${words.age ? ` <small>${escapeHtml(words.age)}</small>` : ''}
      <br><small>${escapeHtml(words.where)}</small>
      ${words.details.map(([label, text]) => `<br><small>${escapeHtml(label)}: ${escapeHtml(text)}</small>`).join('')}
      ${call ? `<br>${call}` : ''}</li>`;
    })
    .join('')}</ul>`;
}
