import { escapeHtml } from './escape-html';

/**
 * A shelter's mark on a map, as the public map and the console's network view both draw it: a
 * small dot (its state's class and symbol: never colour alone) and a label (name and state in
 * words) that shows only when the map is zoomed in (shelter-map.css). What goes in it is the
 * caller's; every text is escaped here.
 */
export interface Mark {
  shelterId: string;
  /** The tooltip: name and state in words. */
  title: string;
  /** The dot's class (its colour), e.g. `band-space`. */
  dotClass: string;
  symbol: string;
  /** The label's HTML (already escaped by the caller). */
  labelHtml: string;
  /** A sensitive shelter drawn at its public area's centre: a dashed ring says "about here". */
  approximate?: boolean;
  /** More classes on the mark (e.g. `stale`). */
  extraClass?: string;
}

export function markHtml(mark: Mark): string {
  const classes = ['marker', mark.approximate ? 'approximate' : '', mark.extraClass ?? '']
    .filter(Boolean)
    .join(' ');
  return `<span class="${classes}" data-shelter-id="${escapeHtml(mark.shelterId)}" title="${escapeHtml(mark.title)}"><span class="dot ${mark.dotClass}" aria-hidden="true">${escapeHtml(mark.symbol)}</span><span class="label">${mark.labelHtml}</span></span>`;
}

/** Shelters too close to tell apart at this zoom, as one bubble (a tap zooms in). */
export interface Bubble {
  /** How many shelters it holds. */
  count: number;
  /** The leading shelter's class and symbol, and the number written beside the symbol. */
  dotClass: string;
  symbol: string;
  shown: number;
  title: string;
}

export function bubbleHtml(bubble: Bubble): string {
  return `<span class="cluster ${bubble.dotClass}" data-count="${bubble.count}" title="${escapeHtml(bubble.title)}"><span aria-hidden="true">${escapeHtml(bubble.symbol)}</span> ${bubble.shown}</span>`;
}
