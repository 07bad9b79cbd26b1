import {
  type Catalogue,
  type HealthServiceFacts,
  healthServiceText,
  serviceCategoryName,
} from '@albergue/i18n';
import type { PublicHealthService } from '@albergue/referrals';
import { escapeHtml, translator } from './html.js';

/** A public health service's facts as the shared words take them (enum values, ISO times). */
export function factsOf(service: PublicHealthService): HealthServiceFacts {
  return {
    ...service,
    capacity: {
      status: service.capacity.status,
      waitDays: service.capacity.waitDays,
      reportedAt: service.capacity.reportedAt?.toISOString() ?? null,
    },
  };
}

/**
 * `/text`'s health services of one borough, after its shelters: name, kind, capacity in words
 * with its age, where (a sensitive one: its borough and that its address is not published),
 * phone, hours, languages, cost and requirements, who it serves. Only what the public read
 * gives: public, active services, a sensitive one without street or point.
 */
export function healthSection(
  catalogue: Catalogue,
  borough: string,
  services: PublicHealthService[],
  now: Date,
): string {
  const t = translator(catalogue);
  const heading = `<h2>${t('health.inBorough', { borough })}</h2>`;
  if (services.length === 0) {
    return `${heading}<p>${t('health.noneBorough')}</p>`;
  }
  return `${heading}<ol>${services
    .map((service) => {
      const words = healthServiceText(catalogue, factsOf(service), now.getTime());
      const phone = service.phone;
      return `<li><b>${escapeHtml(service.name)}</b> (${escapeHtml(serviceCategoryName(catalogue, service.category))})<br>${escapeHtml(
        [words.capacity, words.age].filter(Boolean).join(' · '),
      )}<br>${escapeHtml(words.where)}${
        phone
          ? `<br><a href="tel:${escapeHtml(phone.replace(/[^\d+]/g, ''))}">${t('detail.phone')}: ${escapeHtml(phone)}</a>`
          : ''
      }${words.details.map(([label, text]) => `<br>${escapeHtml(label)}: ${escapeHtml(text)}`).join('')}</li>`;
    })
    .join('')}</ol>`;
}
