import {
  bandFor,
  freePlaces,
  offersSpace,
  POPULATIONS,
  type PublicShelter,
} from '@albergue/contracts';
import { type Catalogue, hoursText } from '@albergue/i18n';
import { renderSVG } from 'uqr';
import { addressLine, byBorough, escapeHtml, translator } from './html.js';

export interface PrintPageInput {
  catalogue: Catalogue;
  shelters: PublicShelter[];
  /** The live map's address, for the QR code; none when the address is not configured. */
  mapUrl: string | null;
  now: Date;
  timeZone: string;
}

/**
 * `/print`: one A4 sheet of the shelters with space now, by borough, in one language, with the
 * time it was made and a QR code to the live map; for bus stations, churches and COMAR's door.
 */
export function printPage(input: PrintPageInput): string {
  const { catalogue, now } = input;
  const t = translator(catalogue);
  const lang = catalogue.code;
  const when = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(lang, { ...options, timeZone: input.timeZone }).format(now);
  const groups = byBorough(input.shelters.filter((shelter) => offersSpace(bandFor(shelter, null))));
  const rows = [...groups]
    .map(
      ([borough, shelters]) =>
        `<tr class="borough"><th colspan="3">${escapeHtml(borough)}</th></tr>${shelters
          .map((shelter) => {
            const places = POPULATIONS.filter((g) => offersSpace(bandFor(shelter, g)))
              .map((g) => {
                const free = freePlaces(shelter, g);
                return `${t(`group.${g}`)}${free === null ? '' : ` (${free})`}`;
              })
              .join(', ');
            return `<tr><td><b>${escapeHtml(shelter.name)}</b><br>${escapeHtml(addressLine(shelter))}${
              shelter.location.approximate ? `<br><i>${t('approximate')}</i>` : ''
            }</td><td>${places}</td><td>${escapeHtml(shelter.contact.phone ?? '')}${
              shelter.hours || shelter.openingHours
                ? `<br>${escapeHtml(hoursText(catalogue, shelter.hours, shelter.openingHours))}`
                : ''
            }</td></tr>`;
          })
          .join('')}`,
    )
    .join('');
  const qr = input.mapUrl
    ? `<div class="qr" role="img" aria-label="${t('print.scan')}">${renderSVG(input.mapUrl, { border: 1 })}<br>${t('print.scan')}<br>${escapeHtml(input.mapUrl)}</div>`
    : '';
  return `<!doctype html>
<html lang="${lang}"${catalogue.rtl ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><title>${t('print.title')}</title>
<style>
@page { size: A4; margin: 12mm; }
body { font: 11pt/1.35 system-ui, sans-serif; color: #000; margin: 0; }
header { display: flex; justify-content: space-between; gap: 8mm; align-items: flex-start; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
.qr { width: 32mm; text-align: center; font-size: 8pt; }
.qr svg { width: 32mm; height: 32mm; }
table { width: 100%; border-collapse: collapse; margin-top: 4mm; }
td, th { border-bottom: 0.3mm solid #999; padding: 1.5mm; text-align: start; vertical-align: top; }
tr.borough th { background: #eee; font-size: 12pt; }
tr { break-inside: avoid; }
</style></head>
<body><header><div><h1>${t('print.title')}</h1><p>${t('print.generated', {
    date: when({ day: 'numeric', month: 'long', year: 'numeric' }),
    time: when({ hour: '2-digit', minute: '2-digit' }),
  })}</p></div>
${qr}</header>
${groups.size === 0 ? `<p>${t('nearest.none')}</p>` : `<table><tbody>${rows}</tbody></table>`}
</body></html>`;
}
