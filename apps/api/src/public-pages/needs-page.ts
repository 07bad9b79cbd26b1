import { boroughByCode } from '@albergue/contracts';
import { type Catalogue, localeOf, type MessageKey } from '@albergue/i18n';
import { escapeHtml, localDate, localTime, translator } from './html.js';
import type { NeedEntry, NeedsBoard, ShelterNeedsEntry } from './needs.js';

export interface NeedsPageInput {
  catalogue: Catalogue;
  languages: Catalogue[];
  board: NeedsBoard;
  now: Date;
  timeZone: string;
}

/** Readable on a phone, printable on A4 (no links, no language bar on paper). */
const STYLE = `<style>
body{font:1rem/1.45 sans-serif;max-width:40rem;margin:0 auto;padding:0 .5rem}
a{display:inline-block;min-height:44px;min-width:44px;padding:.6rem .2rem;box-sizing:border-box}
li{margin:.3rem 0}
.HIGH{font-weight:bold}
@media print{nav,.links{display:none}body{font-size:10pt;max-width:none}section{break-inside:avoid}}
</style>`;

/**
 * `/needs`: what shelters ask donors for, for anyone with any phone or a printer. No script, no
 * image, one request, a few kilobytes: the network's needs by item (most pressing first, with
 * how many shelters ask), then each shelter's, by borough. A sensitive shelter that did not opt
 * in is "a shelter in" its borough, without name or phone. No person, no stock level, no pledge.
 */
export function needsPage(input: NeedsPageInput): string {
  const { catalogue, board, now } = input;
  const t = translator(catalogue);
  const lang = catalogue.code;
  const numbers = new Intl.NumberFormat(localeOf(catalogue), { maximumFractionDigits: 3 });
  const what = (need: Omit<NeedEntry, 'until'>) => {
    const name = need.names
      ? (need.names[lang] ?? need.names.es ?? Object.values(need.names)[0] ?? '')
      : t('needs.anyOf', { category: t(`needs.category.${need.category}` as MessageKey) });
    const amount =
      need.quantity === null || need.unit === null
        ? ''
        : `: ${t(`needs.unit.${need.unit}` as MessageKey, {
            n:
              need.unit === 'KG' || need.unit === 'L'
                ? numbers.format(need.quantity)
                : need.quantity,
          })}`;
    return `${need.names ? escapeHtml(name) : name}${amount}`;
  };
  const day = (until: string) => localDate(catalogue, new Date(`${until}T12:00:00Z`), 'UTC');
  const needItem = (need: NeedEntry) =>
    `<li class="${need.priority}">${what(need)} · ${t(`needs.priority.${need.priority}` as MessageKey)}${
      need.until ? ` · ${t('needs.until', { date: day(need.until) })}` : ''
    }</li>`;
  const shelterHeading = (shelter: ShelterNeedsEntry) => {
    const borough = shelter.boroughCode ? boroughByCode(shelter.boroughCode)?.name : null;
    if (shelter.name) {
      return `<b>${escapeHtml(shelter.name)}</b>${borough ? `, ${escapeHtml(borough)}` : ''}${
        shelter.phone
          ? `<br><a href="tel:${escapeHtml(shelter.phone.replace(/[^\d+]/g, ''))}">${t('detail.phone')}: ${escapeHtml(shelter.phone)}</a>`
          : ''
      }`;
    }
    return `<b>${borough ? t('needs.inBorough', { borough }) : t('needs.somewhere')}</b>`;
  };
  const collator = new Intl.Collator(localeOf(catalogue));
  const byBorough = [...board.shelters].sort(
    (a, b) =>
      collator.compare(a.borough ?? '\uffff', b.borough ?? '\uffff') ||
      Number(!a.name) - Number(!b.name) ||
      collator.compare(a.name ?? '', b.name ?? ''),
  );
  const languages = input.languages
    .map((c) =>
      c.code === lang
        ? `<b>${escapeHtml(c.name)}</b>`
        : `<a href="/needs?lang=${c.code}" hreflang="${c.code}" lang="${c.code}">${escapeHtml(c.name)}</a>`,
    )
    .join(' · ');
  const time = localTime(catalogue, now, input.timeZone, { hour: 'numeric', minute: '2-digit' });
  const body =
    board.shelters.length === 0
      ? `<p>${t('needs.none')}</p>`
      : `<section><h2>${t('needs.network')}</h2><ol>${board.network
          .map(
            (need) =>
              `<li class="${need.priority}">${what(need)} · ${t(`needs.priority.${need.priority}` as MessageKey)} · ${t('needs.shelters', { n: need.shelters })}</li>`,
          )
          .join('')}</ol></section>
<h2>${t('needs.byShelter')}</h2>${byBorough
          .map(
            (shelter) =>
              `<section><p>${shelterHeading(shelter)}</p><ul>${shelter.needs.map(needItem).join('')}</ul></section>`,
          )
          .join('')}`;
  return `<!doctype html>
<html lang="${lang}"${catalogue.rtl ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('needs.title')}</title>${STYLE}</head>
<body><h1>${t('needs.title')}</h1><nav><p>${languages}</p></nav><p>${t('needs.intro')}</p><p>${t('text.updatedAt', { time })}</p>
${body}
<p>${t('needs.privacy')}</p>
<p class="links"><a href="/?lang=${lang}">${t('text.fullMap')}</a></p></body></html>`;
}
