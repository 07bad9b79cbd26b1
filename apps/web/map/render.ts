import {
  type BandName as Band,
  bandFor,
  freePlaces,
  type Freshness,
  offersSpace,
  type PopulationName,
  PROBLEM_REASONS,
  type PublicShelter as Shelter,
  type ServiceName,
} from '@albergue/contracts';
import {
  ageText as ageInWords,
  clockTime,
  hoursText,
  languageName,
  type MessageKey,
} from '@albergue/i18n';
import { escapeHtml } from '../shared/escape-html';
import { catalogue, t } from './i18n';
import type { Ranked } from './rank';
import { reportStatus } from './report';

/** A symbol and words with every colour: a band is never told by colour alone. */
export const SYMBOLS: Record<Band, string> = {
  SPACE: '✔',
  FEW: '!',
  FULL: '✖',
  CLOSED: '—',
  UNKNOWN: '?',
  NOT_SERVED: '⊘',
};

/** `NOT_SERVED` -> `not-served`, for class names. */
export function bandClass(band: Band): string {
  return band.toLowerCase().replace('_', '-');
}

export { escapeHtml };

export interface View {
  group: PopulationName | null;
  service: ServiceName | null;
  /** The server's clock and STALE_AFTER: figures that aged past it show as UNKNOWN. */
  freshness: Freshness;
}

export function bandHtml(band: Band, extra = ''): string {
  return `<span class="band band-${bandClass(band)}"><span aria-hidden="true">${SYMBOLS[band]}</span> ${escapeHtml(t(`band.${band}`))}${extra}</span>`;
}

/** Band and, where it helps, free places: "✖ Full" alone, never "Full · 0 free places". */
function factsHtml(shelter: Shelter, view: View): string {
  const band = bandFor(shelter, view.group, view.freshness);
  const free = freePlaces(shelter, view.group);
  return [
    bandHtml(band),
    free !== null && offersSpace(band) ? escapeHtml(t('free', { n: free })) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** How far (when the person gave a point) or which borough, and how old the figures are. */
function whereAndWhen(shelter: Shelter, view: View, km: number | null): string {
  const where =
    km === null ? (shelter.address.borough ?? '') : t('nearest.distance', { km: km.toFixed(1) });
  return [where, ageText(shelter.availability.updatedAt, view.freshness.now)]
    .filter(Boolean)
    .map(escapeHtml)
    .join(' · ');
}

const digits = (phone: string) => phone.replace(/[^\d+]/g, '');

/** One shelter in the lists: its name opens the sheet; a large call button when it has a phone. */
export function cardHtml({ shelter, km }: Ranked, view: View): string {
  const phone = shelter.contact.phone;
  const call = phone
    ? `<a class="call" href="tel:${escapeHtml(digits(phone))}"><span aria-hidden="true">☎</span> ${escapeHtml(t('detail.phone'))}<span class="sr-only"> ${escapeHtml(shelter.name)}</span></a>`
    : '';
  return `<li class="card" data-shelter-id="${shelter.id}">
    <div><button type="button" class="open" data-shelter-id="${shelter.id}">${escapeHtml(shelter.name)}</button>
    <span class="facts">${factsHtml(shelter, view)}</span>
    <small>${whereAndWhen(shelter, view, km)}</small></div>${call}</li>`;
}

function row(label: string, value: string): string {
  return value ? `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>` : '';
}

/**
 * The detail sheet: everything a person needs to get there, or to call first; `health`: the
 * health services near it, as main.ts has them now (issue 20).
 */
export function detailHtml(shelter: Shelter, view: View, health = ''): string {
  const { contact, eligibility } = shelter;
  const requirements = [
    t(eligibility.idRequired ? 'req.idRequired' : 'req.noId'),
    eligibility.petsAllowed ? t('req.pets') : '',
    eligibility.wheelchairAccessible ? t('req.wheelchair') : '',
    eligibility.maxStayDays ? t('req.maxStay', { n: eligibility.maxStayDays }) : '',
    eligibility.curfew ? t('req.curfew', { time: clockTime(catalogue(), eligibility.curfew) }) : '',
  ].filter(Boolean);
  const address = [shelter.address.street, shelter.address.neighbourhood, shelter.address.borough]
    .filter(Boolean)
    .join(', ');
  const place = `${shelter.location.lat},${shelter.location.lng}`;
  return `<h2 id="detail-name" tabindex="-1">${escapeHtml(shelter.name)}</h2>
    <p>${factsHtml(shelter, view)}<br><small>${whereAndWhen(shelter, view, null)}</small></p>
    ${shelter.location.approximate ? `<p class="note">${escapeHtml(t('approximate'))}</p>` : ''}
    <dl>
      ${row(t('detail.address'), escapeHtml(address))}
      ${row(t('detail.hours'), escapeHtml(hoursText(catalogue(), shelter.hours, shelter.openingHours)))}
      ${row(t('detail.requirements'), requirements.map(escapeHtml).join('<br>'))}
      ${row(t('detail.services'), shelter.services.map((s) => escapeHtml(t(`service.${s}` as MessageKey))).join(', '))}
      ${row(t('detail.languages'), escapeHtml(shelter.languages.map((code) => languageName(catalogue(), code)).join(', ')))}
    </dl>
    <p class="actions">
      ${contact.phone ? `<a class="action" href="tel:${escapeHtml(digits(contact.phone))}">☎ ${escapeHtml(t('detail.phone'))} ${escapeHtml(contact.phone)}</a>` : ''}
      ${contact.whatsapp ? `<a class="action" href="https://wa.me/${escapeHtml(digits(contact.whatsapp).replace('+', ''))}" rel="noopener">${escapeHtml(t('detail.whatsapp'))}</a>` : ''}
      ${shelter.location.approximate ? '' : `<a class="action" href="geo:${place}?q=${place}">➜ ${escapeHtml(t('detail.directions'))}</a>`}
    </p>
    <section class="health" aria-labelledby="health-title">
      <h3 id="health-title">${escapeHtml(t('health.title'))}</h3>
      <div id="health-list" aria-live="polite">${health}</div>
    </section>
    <section class="report" aria-labelledby="report-title">
      <h3 id="report-title">${escapeHtml(t('report.title'))}</h3>
      ${
        reportStatus(shelter.id) === 'report.thanks'
          ? ''
          : PROBLEM_REASONS.map(
              (reason) =>
                `<button type="button" class="report-reason" data-shelter-id="${shelter.id}" data-reason="${reason}">${escapeHtml(t(`report.${reason}`))}</button>`,
            ).join(' ')
      }
      <p id="report-status" class="note" role="status" tabindex="-1">${escapeHtml(t(reportStatus(shelter.id) ?? 'report.privacy'))}</p>
    </section>
    <button type="button" id="detail-close">${escapeHtml(t('detail.close'))}</button>`;
}

/** "actualizado hace 12 min", against the server's clock. */
export function ageText(updatedAt: string | null, now: number): string {
  return ageInWords(t, updatedAt, now);
}
