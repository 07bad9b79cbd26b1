import {
  bandFor,
  freePlaces,
  offersSpace,
  POPULATIONS,
  type PublicShelter,
} from '@albergue/contracts';
import { type Catalogue, hoursText } from '@albergue/i18n';
import { renderSVG } from 'uqr';
import { byBorough, escapeHtml, localDate, localTime, translator } from './html.js';

export interface PrintPageInput {
  catalogue: Catalogue;
  shelters: PublicShelter[];
  /** The live map's address (PUBLIC_URL), for the QR code and the printed link; none when unset. */
  mapUrl: string | null;
  now: Date;
  timeZone: string;
}

/**
 * Sized so that 25 shelters with space fit one A4 sheet in two columns (a spec prints it in
 * Chromium and counts the pages): small type, a block per borough, a shelter never split.
 */
const STYLE = `<style>
@page { size: A4; margin: 8mm 9mm; }
body { font: 8pt/1.18 system-ui, sans-serif; color: #000; margin: 0; }
header { display: flex; justify-content: space-between; gap: 6mm; align-items: flex-start; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
header p { margin: 0 0 0.8mm; }
.qr { width: 24mm; text-align: center; font-size: 6.5pt; }
.qr svg { width: 24mm; height: 24mm; display: block; }
main { columns: 2; column-gap: 5mm; margin-top: 1.5mm; }
h2 { font-size: 9.5pt; margin: 0 0 0.6mm; padding: 0.2mm 1mm; background: #e6e6e6; break-after: avoid; }
section { margin-bottom: 1.2mm; }
.shelter { break-inside: avoid; margin: 0 0 0.6mm; padding-bottom: 0.5mm; border-bottom: 0.2mm solid #bbb; }
</style>`;

/**
 * `/print`: a sheet of the shelters with space now, by borough, in one language, with the time it
 * was made and a QR code to the live map; for bus stations, churches and COMAR's door.
 */
export function printPage(input: PrintPageInput): string {
  const { catalogue, now } = input;
  const t = translator(catalogue);
  const lang = catalogue.code;
  const withSpace = input.shelters.filter((shelter) => offersSpace(bandFor(shelter, null)));
  const groups = byBorough(withSpace, catalogue);
  // Under its borough's heading a shelter's address needs no borough, nor the city around it.
  const shelterHtml = (shelter: PublicShelter, inBorough: boolean) => {
    const { street, neighbourhood, city } = shelter.address;
    const address = [street, neighbourhood, inBorough ? null : city].filter(Boolean).join(', ');
    const places = POPULATIONS.filter((g) => offersSpace(bandFor(shelter, g)))
      .map((g) => {
        const free = freePlaces(shelter, g);
        return `${t(`group.${g}`)}${free === null ? '' : ` (${free})`}`;
      })
      .join(', ');
    const phone = shelter.contact.phone;
    const hours = hoursText(catalogue, shelter.hours, shelter.openingHours);
    return `<div class="shelter"><b>${escapeHtml(shelter.name)}</b>${
      phone ? ` · ☎ ${escapeHtml(phone)}` : ''
    }${address ? ` · ${escapeHtml(address)}` : ''}${
      shelter.location.approximate ? `<br><i>${t('approximate')}</i>` : ''
    }<br>${places}${hours ? ` · ${escapeHtml(hours)}` : ''}</div>`;
  };
  const blocks = groups
    .map(
      ({ borough, shelters }) =>
        `<section><h2>${borough ? escapeHtml(borough.name) : t('pages.elsewhere')}</h2>${shelters
          .map((shelter) => shelterHtml(shelter, borough !== null))
          .join('')}</section>`,
    )
    .join('');
  const qr = input.mapUrl
    ? `<div class="qr" role="img" aria-label="${t('print.scan')}">${renderSVG(input.mapUrl, { border: 1 })}${t('print.scan')}</div>`
    : '';
  return `<!doctype html>
<html lang="${lang}"${catalogue.rtl ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><title>${t('print.title')}</title>
${STYLE}</head>
<body><header><div><h1>${t('print.title')}</h1><p>${t('print.generated', {
    date: localDate(catalogue, now, input.timeZone),
    time: localTime(catalogue, now, input.timeZone, { hour: 'numeric', minute: '2-digit' }),
  })}</p>${withSpace.length === 0 ? '' : `<p><b>${t('pages.withSpace', { n: withSpace.length })}</b></p>`}${
    input.mapUrl ? `<p>${escapeHtml(input.mapUrl)}</p>` : ''
  }</div>
${qr}</header>
${withSpace.length === 0 ? `<p>${t('nearest.none')}</p>` : `<main>${blocks}</main>`}
</body></html>`;
}
