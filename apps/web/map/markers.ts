import {
  type BandName as Band,
  bandFor,
  freePlaces,
  offersSpace,
  type PublicShelter as Shelter,
} from '@albergue/contracts';
import { bubbleHtml, markHtml } from '../shared/marks';
import { t } from './i18n';
import { BAND_ORDER } from './rank';
import { bandClass, bandHtml, escapeHtml, SYMBOLS, type View } from './render';

/**
 * A shelter on the map: a small dot in its band's colour with the band's symbol; its label (name,
 * band in words, free places; "approximate area" for a sensitive one) shows only when the map is
 * zoomed in (shelter-map.css). A shelter that does not take the chosen group is a faded ⊘ "not for
 * this group", never "full".
 */
export function markerHtml(shelter: Shelter, view: View): string {
  const band = bandFor(shelter, view.group, view.freshness);
  const free = freePlaces(shelter, view.group);
  const count = free !== null && offersSpace(band) ? ` · ${free}` : '';
  const area = shelter.location.approximate
    ? `<span class="area-word">${escapeHtml(t('finder.area'))}</span>`
    : '';
  return markHtml({
    shelterId: shelter.id,
    title: `${shelter.name} · ${t(`band.${band}`)}`,
    dotClass: `band-${bandClass(band)}`,
    symbol: SYMBOLS[band],
    labelHtml: `<b>${escapeHtml(shelter.name)}</b> ${bandHtml(band, count)}${area}`,
    approximate: shelter.location.approximate,
  });
}

/** The best band among shelters, in BAND_ORDER: what a group of markers leads with. */
function bestBand(bands: readonly Band[]): Band {
  return bands.reduce((best, band) =>
    BAND_ORDER.indexOf(band) < BAND_ORDER.indexOf(best) ? band : best,
  );
}

/**
 * Shelters too close to tell apart at this zoom, as one bubble: the best band's colour and
 * symbol, and how many have space ("✔ 2": two with space here), or else how many share the best
 * band ("? 3"); a tap zooms in.
 */
export function clusterHtml(bands: readonly Band[]): string {
  const best = bestBand(bands);
  const withBest = bands.filter((band) =>
    offersSpace(best) ? offersSpace(band) : band === best,
  ).length;
  return bubbleHtml({
    count: bands.length,
    dotClass: `band-${bandClass(best)}`,
    symbol: SYMBOLS[best],
    shown: withBest,
    title: t('count', { n: bands.length }),
  });
}
