import { csvOf } from '@albergue/common';
import type { SupplyFiguresView } from './supply-figures.views.js';

const HEADER = ['section', 'day', 'category', 'unit', 'source', 'organisation', 'measure', 'value'];

/** GraphQL's names (FOOD, KG, PRIVATE_DONOR), as the API writes them. */
const name = (value: string) => value.toUpperCase();

/** The figures as one CSV table, a row per number (what a spreadsheet pivots). */
export function figuresCsv(figures: SupplyFiguresView): string {
  const rows: unknown[][] = [];
  for (const flow of figures.flows) {
    for (const measure of [
      'received',
      'used',
      'wasted',
      'transferredIn',
      'transferredOut',
      'adjusted',
    ] as const) {
      rows.push([
        'flows',
        '',
        name(flow.category),
        name(flow.unit),
        '',
        '',
        measure,
        flow[measure],
      ]);
    }
  }
  for (const day of figures.meals) {
    rows.push(['meals', day.day, '', '', '', '', 'meals', day.meals]);
    rows.push(['meals', day.day, '', '', '', '', 'people', day.people]);
  }
  for (const given of figures.contributions) {
    rows.push([
      'contributions',
      '',
      name(given.category),
      name(given.unit),
      name(given.source),
      given.organisationName ?? '',
      'quantity',
      given.quantity,
    ]);
  }
  for (const day of figures.foodDays) {
    rows.push(['foodDays', day.day, '', '', '', '', 'daysLeft', day.daysLeft]);
    rows.push(['foodDays', day.day, '', '', '', '', 'people', day.people]);
  }
  return csvOf(HEADER, rows);
}
