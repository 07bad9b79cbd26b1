import {
  bandFor,
  freePlaces,
  offersSpace,
  POPULATIONS,
  type PopulationName,
  type PublicShelter,
} from '@albergue/contracts';
import { ageText, type Catalogue, hoursText } from '@albergue/i18n';
import { addressLine, byBorough, escapeHtml, translator } from './html.js';

export interface TextPageInput {
  catalogue: Catalogue;
  languages: Catalogue[];
  shelters: PublicShelter[];
  borough: string | null;
  group: PopulationName | null;
  now: Date;
  timeZone: string;
}

/**
 * `/text`: the finder for old phones and proxy browsers. No script, no images, a form that works
 * with a plain GET, a few kilobytes: boroughs with how many shelters have space, then that
 * borough's shelters with space, their band, places, address, phone and hours.
 */
export function textPage(input: TextPageInput): string {
  const { catalogue, shelters, group, now } = input;
  const t = translator(catalogue);
  const lang = catalogue.code;
  const link = (params: Record<string, string | null>) =>
    `/text?${new URLSearchParams(
      Object.entries({ lang, ...params }).filter((entry): entry is [string, string] => !!entry[1]),
    ).toString()}`;
  const groups = byBorough(shelters.filter((shelter) => offersSpace(bandFor(shelter, group))));
  const time = new Intl.DateTimeFormat(lang, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: input.timeZone,
  }).format(now);
  const languages = input.languages
    .map((c) =>
      c.code === lang
        ? `<b>${escapeHtml(c.name)}</b>`
        : `<a href="/text?lang=${c.code}" hreflang="${c.code}" lang="${c.code}">${escapeHtml(c.name)}</a>`,
    )
    .join(' · ');
  const boroughs = [...byBorough(shelters).keys()];
  // Only a borough the network has: the heading never repeats whatever a link said.
  const borough = input.borough && boroughs.includes(input.borough) ? input.borough : null;
  const form = `<form method="get" action="/text">
<input type="hidden" name="lang" value="${lang}">
<label>${t('text.pick')}<br><select name="borough"><option value="">${t('text.all')}</option>${boroughs
    .map((name) => `<option${name === borough ? ' selected' : ''}>${escapeHtml(name)}</option>`)
    .join('')}</select></label><br>
<label>${t('group.label')}<br><select name="group"><option value="">${t('group.any')}</option>${POPULATIONS.map(
    (g) => `<option value="${g}"${g === group ? ' selected' : ''}>${t(`group.${g}`)}</option>`,
  ).join('')}</select></label><br>
<button type="submit">${t('text.show')}</button>
</form>`;
  let body: string;
  if (!borough) {
    body = `<ul>${boroughs
      .map(
        (name) =>
          `<li><a href="${escapeHtml(link({ borough: name, group }))}">${escapeHtml(name)}</a>: ${groups.get(name)?.length ?? 0}</li>`,
      )
      .join('')}</ul>`;
  } else {
    const here = groups.get(borough) ?? [];
    body = `<h2>${t('text.inBorough', { borough })}</h2>${
      here.length === 0
        ? `<p>${t('text.none')}</p>`
        : `<ol>${here
            .map((shelter) => {
              const free = freePlaces(shelter, group);
              const phone = shelter.contact.phone;
              const hours = hoursText(catalogue, shelter.hours, shelter.openingHours);
              return `<li><b>${escapeHtml(shelter.name)}</b><br>${t(`band.${bandFor(shelter, group)}`)}${
                free === null ? '' : `: ${t('free', { n: free })}`
              } (${ageText(t, shelter.availability.updatedAt, now.getTime())})<br>${escapeHtml(addressLine(shelter))}${
                shelter.location.approximate ? `<br>${t('approximate')}` : ''
              }${phone ? `<br><a href="tel:${escapeHtml(phone.replace(/[^\d+]/g, ''))}">${t('detail.phone')}: ${escapeHtml(phone)}</a>` : ''}${
                hours ? `<br>${t('detail.hours')}: ${escapeHtml(hours)}` : ''
              }</li>`;
            })
            .join('')}</ol>`
    }`;
  }
  return `<!doctype html>
<html lang="${lang}"${catalogue.rtl ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('title')}</title></head>
<body><h1>${t('title')}</h1><p>${languages}</p><p>${t('text.updatedAt', { time })}</p>
${form}
${body}
<p><a href="/?lang=${lang}">${t('text.fullMap')}</a></p></body></html>`;
}
