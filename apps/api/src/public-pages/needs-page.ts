import { boroughByCode, findBorough } from '@albergue/contracts';
import { type Catalogue, localeOf, type MessageKey, say } from '@albergue/i18n';
import { escapeHtml, localDate, localTime, translator } from './html.js';
import type { NeedEntry, NeedsBoard, NetworkNeed, ShelterNeedsEntry } from './needs.js';
import { ELSEWHERE } from './text-page.js';

export interface NeedsPageInput {
  catalogue: Catalogue;
  languages: Catalogue[];
  board: NeedsBoard;
  /** As the link gave it: a borough's code (or name or alias), ELSEWHERE, or none (the index). */
  borough: string | null;
  now: Date;
  timeZone: string;
}

/** The most a page lists of the network's needs and of one shelter's: it stays a few KB. */
export const NETWORK_NEEDS_SHOWN = 30;
export const SHELTER_NEEDS_SHOWN = 20;

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
 * image, one request, a few kilobytes, like `/text`: the network's needs by item (most pressing
 * first, with how many shelters ask and how much in all), and the boroughs with shelters asking;
 * a borough's page lists its shelters' needs. A sensitive shelter that did not opt in is "a
 * shelter in" its borough, without name or phone. No person, no stock level, no pledge.
 */
export function needsPage(input: NeedsPageInput): string {
  const { catalogue, board, now } = input;
  const t = translator(catalogue);
  const lang = catalogue.code;
  const numbers = new Intl.NumberFormat(localeOf(catalogue), { maximumFractionDigits: 3 });
  const what = (need: Omit<NeedEntry, 'id' | 'until'>, atLeast = false) => {
    const name = need.names
      ? escapeHtml(need.names[lang] ?? need.names.es ?? Object.values(need.names)[0] ?? '')
      : t('needs.anyOf', {
          category: say(catalogue, `needs.category.${need.category}` as MessageKey),
        });
    const amount =
      need.quantity === null || need.unit === null
        ? ''
        : `: ${t(`needs.unit.${need.unit}` as MessageKey, {
            n:
              need.unit === 'KG' || need.unit === 'L'
                ? numbers.format(need.quantity)
                : need.quantity,
          })}${atLeast ? ' +' : ''}`;
    return `${name}${amount}`;
  };
  const priority = (need: { priority: string }) =>
    t(`needs.priority.${need.priority}` as MessageKey);
  const more = (all: number, shown: number) =>
    all > shown ? `<li>${t('needs.more', { n: all - shown })}</li>` : '';
  const day = (until: string) => localDate(catalogue, new Date(`${until}T12:00:00Z`), 'UTC');
  const needItem = (need: NeedEntry) =>
    `<li class="${need.priority}">${what(need)} · ${priority(need)}${
      need.until ? ` · ${t('needs.until', { date: day(need.until) })}` : ''
    } <a class="links" href="/needs/pledge?need=${encodeURIComponent(need.id)}&amp;lang=${lang}">${t('needs.pledge.link')}</a></li>`;
  const networkItem = (need: NetworkNeed) =>
    `<li class="${need.priority}">${what(need, need.unstated > 0)} · ${priority(need)} · ${t(
      'needs.shelters',
      { n: need.shelters },
    )}</li>`;
  const link = (borough: string | null) =>
    `/needs?lang=${lang}${borough ? `&amp;borough=${encodeURIComponent(borough)}` : ''}`;
  const keyOf = (shelter: ShelterNeedsEntry) =>
    (shelter.boroughCode && boroughByCode(shelter.boroughCode)?.code) || ELSEWHERE;
  const nameOf = (key: string) =>
    key === ELSEWHERE ? say(catalogue, 'pages.elsewhere') : (boroughByCode(key)?.name ?? key);
  const heading = (shelter: ShelterNeedsEntry) => {
    const borough = shelter.boroughCode ? boroughByCode(shelter.boroughCode)?.name : null;
    if (shelter.name) {
      return `<b>${escapeHtml(shelter.name)}</b>${
        shelter.phone
          ? `<br><a href="tel:${escapeHtml(shelter.phone.replace(/[^\d+]/g, ''))}">${t('detail.phone')}: ${escapeHtml(shelter.phone)}</a>`
          : ''
      }`;
    }
    return `<b>${borough ? t('needs.inBorough', { borough }) : t('needs.somewhere')}</b>`;
  };

  const collator = new Intl.Collator(localeOf(catalogue));
  const boroughs = [...new Set(board.shelters.map(keyOf))].sort(
    (a, b) =>
      Number(a === ELSEWHERE) - Number(b === ELSEWHERE) || collator.compare(nameOf(a), nameOf(b)),
  );
  const asked =
    input.borough === ELSEWHERE ? ELSEWHERE : (findBorough(input.borough ?? '')?.code ?? null);
  let body: string;
  if (board.shelters.length === 0) {
    body = `<p>${t('needs.none')}</p>`;
  } else if (asked) {
    const here = board.shelters.filter((shelter) => keyOf(shelter) === asked);
    body = `<h2>${t('needs.boroughTitle', { borough: nameOf(asked) })}</h2>${
      here.length === 0
        ? `<p>${t('needs.none')}</p>`
        : here
            .map(
              (shelter) =>
                `<section><p>${heading(shelter)}</p><ul>${shelter.needs
                  .slice(0, SHELTER_NEEDS_SHOWN)
                  .map(needItem)
                  .join('')}${more(shelter.needs.length, SHELTER_NEEDS_SHOWN)}</ul></section>`,
            )
            .join('')
    }<p class="links"><a href="${link(null)}">${t('text.all')}</a></p>`;
  } else {
    body = `<section><h2>${t('needs.network')}</h2><ol>${board.network
      .slice(0, NETWORK_NEEDS_SHOWN)
      .map(networkItem)
      .join('')}${more(board.network.length, NETWORK_NEEDS_SHOWN)}</ol></section>
<section><h2>${t('needs.byShelter')}</h2><ul>${boroughs
      .map((key) => {
        const count = board.shelters.filter((shelter) => keyOf(shelter) === key).length;
        return `<li><a href="${link(key)}">${escapeHtml(nameOf(key))}</a>: ${t('needs.asking', { n: count })}</li>`;
      })
      .join('')}</ul></section>`;
  }
  const languages = input.languages
    .map((c) =>
      c.code === lang
        ? `<b>${escapeHtml(c.name)}</b>`
        : `<a href="/needs?lang=${c.code}${asked ? `&amp;borough=${encodeURIComponent(asked)}` : ''}" hreflang="${c.code}" lang="${c.code}">${escapeHtml(c.name)}</a>`,
    )
    .join(' · ');
  const time = localTime(catalogue, now, input.timeZone, { hour: 'numeric', minute: '2-digit' });
  return `<!doctype html>
<html lang="${lang}"${catalogue.rtl ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('needs.title')}</title>${STYLE}</head>
<body><h1>${t('needs.title')}</h1><nav><p>${languages}</p></nav><p>${t('needs.intro')}</p><p>${t('text.updatedAt', { time })}</p>
${body}
<p>${t('needs.privacy')}</p>
<p class="links"><a href="/?lang=${lang}">${t('text.fullMap')}</a></p></body></html>`;
}
