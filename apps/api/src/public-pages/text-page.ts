import {
  bandFor,
  findBorough,
  freePlaces,
  offersSpace,
  POPULATIONS,
  type PopulationName,
  type PublicShelter,
} from '@albergue/contracts';
import { ageText, type Catalogue, hoursText, languageName } from '@albergue/i18n';
import type { PublicHealthService } from '@albergue/referrals';
import { healthSection } from './health-section.js';
import { addressLine, byBorough, escapeHtml, localTime, translator } from './html.js';

/** `?borough=` for the shelters in no borough of the catalogue. */
export const ELSEWHERE = 'other';

export interface TextPageInput {
  catalogue: Catalogue;
  languages: Catalogue[];
  shelters: PublicShelter[];
  /** As the link gave it: a borough's code (or its name or an alias), or ELSEWHERE. */
  borough: string | null;
  group: PopulationName | null;
  now: Date;
  timeZone: string;
  /** The chosen borough's public health services (issue 20), listed after its shelters. */
  healthServices?: PublicHealthService[];
}

/**
 * Every link and control a thumb can hit: 44 px at least (WCAG 2.5.5). Inline, so that the page
 * stays one request; proxy browsers that drop styles still get a plain list.
 */
const STYLE = `<style>
body{font:1rem/1.5 sans-serif;max-width:40rem;margin:0 auto;padding:0 .5rem}
a,button,select{display:inline-block;min-height:44px;min-width:44px;box-sizing:border-box;vertical-align:middle}
a{padding:.6rem .2rem}
button,select{font:inherit;padding:0 .5rem}
li{margin:.5rem 0}
</style>`;

/**
 * `/text`: the finder for old phones and proxy browsers. No script, no images, a form that works
 * with a plain GET, a few kilobytes: the boroughs with how many shelters have space, then one
 * borough's shelters with space, their band, places, address, phone, hours and languages.
 */
export function textPage(input: TextPageInput): string {
  const { catalogue, shelters, group, now } = input;
  const t = translator(catalogue);
  const lang = catalogue.code;
  const link = (params: Record<string, string | null>) =>
    `/text?${new URLSearchParams(
      Object.entries({ lang, ...params }).filter((entry): entry is [string, string] => !!entry[1]),
    ).toString()}`;
  const groups = byBorough(shelters, catalogue).map(({ borough, shelters: here }) => ({
    key: borough?.code ?? ELSEWHERE,
    name: borough?.name ?? t('pages.elsewhere'),
    borough,
    withSpace: here.filter((shelter) => offersSpace(bandFor(shelter, group))),
  }));
  // A heading only for a borough of the catalogue, or for the others: never whatever a link said.
  const asked = input.borough === ELSEWHERE ? null : findBorough(input.borough ?? '');
  const chosen =
    input.borough === ELSEWHERE
      ? { key: ELSEWHERE, heading: t('pages.elsewhere') }
      : asked
        ? { key: asked.code, heading: t('text.inBorough', { borough: asked.name }) }
        : null;
  const time = localTime(catalogue, now, input.timeZone, { hour: 'numeric', minute: '2-digit' });
  const languages = input.languages
    .map((c) =>
      c.code === lang
        ? `<b>${escapeHtml(c.name)}</b>`
        : `<a href="/text?lang=${c.code}" hreflang="${c.code}" lang="${c.code}">${escapeHtml(c.name)}</a>`,
    )
    .join(' · ');
  const form = `<form method="get" action="/text">
<input type="hidden" name="lang" value="${lang}">
<label>${t('text.pick')}<br><select name="borough"><option value="">${t('text.all')}</option>${groups
    .map(
      ({ key, name }) =>
        `<option value="${key}"${key === chosen?.key ? ' selected' : ''}>${escapeHtml(name)}</option>`,
    )
    .join('')}</select></label><br>
<label>${t('group.label')}<br><select name="group"><option value="">${t('group.any')}</option>${POPULATIONS.map(
    (g) => `<option value="${g}"${g === group ? ' selected' : ''}>${t(`group.${g}`)}</option>`,
  ).join('')}</select></label><br>
<button type="submit">${t('text.show')}</button>
</form>`;
  let body: string;
  if (!chosen) {
    body = `<ul>${groups
      .map(
        ({ key, name, withSpace }) =>
          `<li><a href="${escapeHtml(link({ borough: key, group }))}">${escapeHtml(name)}</a>: ${t('pages.withSpace', { n: withSpace.length })}</li>`,
      )
      .join('')}</ul>`;
  } else {
    const here = groups.find(({ key }) => key === chosen.key)?.withSpace ?? [];
    body = `<h2>${chosen.heading}</h2>${
      here.length === 0
        ? `<p>${t('text.none')}</p>`
        : `<p>${t('pages.withSpace', { n: here.length })}</p><ol>${here
            .map((shelter) => {
              const free = freePlaces(shelter, group);
              const phone = shelter.contact.phone;
              const hours = hoursText(catalogue, shelter.hours, shelter.openingHours);
              const spoken = shelter.languages.map((code) => languageName(catalogue, code));
              return `<li><b>${escapeHtml(shelter.name)}</b><br>${t(`band.${bandFor(shelter, group)}`)}${
                free === null ? '' : `: ${t('free', { n: free })}`
              } (${ageText(t, shelter.availability.updatedAt, now.getTime())})<br>${escapeHtml(addressLine(shelter))}${
                shelter.location.approximate ? `<br>${t('approximate')}` : ''
              }${phone ? `<br><a href="tel:${escapeHtml(phone.replace(/[^\d+]/g, ''))}">${t('detail.phone')}: ${escapeHtml(phone)}</a>` : ''}${
                hours ? `<br>${t('detail.hours')}: ${escapeHtml(hours)}` : ''
              }${spoken.length > 0 ? `<br>${t('detail.languages')}: ${escapeHtml(spoken.join(', '))}` : ''}<br><a href="/text/report?shelter=${shelter.id}&amp;lang=${lang}">${t('report.link')}</a></li>`;
            })
            .join('')}</ol>`
    }${asked && input.healthServices ? healthSection(catalogue, asked.name, input.healthServices, now) : ''}`;
  }
  return `<!doctype html>
<html lang="${lang}"${catalogue.rtl ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('title')}</title>${STYLE}</head>
<body><h1>${t('title')}</h1><p>${languages}</p><p>${t('text.updatedAt', { time })}</p>
${form}
${body}
<p><a href="/?lang=${lang}">${t('text.fullMap')}</a></p></body></html>`;
}
