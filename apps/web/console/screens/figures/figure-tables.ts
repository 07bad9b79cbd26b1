import type { ConsoleKey, Params } from '@albergue/i18n';
import type { TableData } from '../../ui/table-data.js';

type T = (key: ConsoleKey, params?: Params) => string;

/** The groups turnaways are counted by, in the API's order (its enum's, alphabetical). */
export const POPULATIONS = ['FAMILIES', 'LGBTQ', 'MEN', 'UNACCOMPANIED_MINORS', 'WOMEN'] as const;

/** One day's figures as both dailyFigures and networkFigures (grouped by DAY) give them. */
export interface DayFigures {
  day: string | null;
  capacity: number;
  occupied: number;
  bedNights: number;
  arrivals: number;
  departures: number;
  turnaways: number;
  problemReports: number;
  turnawaysByPopulation: readonly { population: string; count: number }[];
}

/** A period's figures for one group of networkFigures (a shelter or a borough). */
export interface GroupFigures extends Omit<DayFigures, 'day'> {
  shelterId?: string | null;
  boroughCode?: string | null;
  borough?: string | null;
  days: number;
  shelters: number;
}

/**
 * A group's turnaways in one population group, as the API gives them: it leaves out the groups
 * with none, so a group it does not list is 0 (nothing is added up here).
 */
export function turnedAway(
  row: Pick<DayFigures, 'turnawaysByPopulation'>,
  population: string,
): number {
  return row.turnawaysByPopulation.find((each) => each.population === population)?.count ?? 0;
}

/** The plots, each one table of the API's days: which of its fields, under which headings. */
export const PLOTS = {
  occupancy: { title: 'figures.plot.occupancy', fields: ['occupied', 'capacity'] },
  bedNights: { title: 'figures.plot.bedNights', fields: ['bedNights'] },
  movements: { title: 'figures.plot.movements', fields: ['arrivals', 'departures'] },
  turnaways: { title: 'figures.plot.turnaways', fields: ['turnaways', ...POPULATIONS] },
} as const satisfies Record<string, { title: ConsoleKey; fields: readonly string[] }>;

export type PlotName = keyof typeof PLOTS;
type Figure =
  | 'capacity'
  | 'occupied'
  | 'bedNights'
  | 'arrivals'
  | 'departures'
  | 'turnaways'
  | 'problemReports';
type Field = Figure | (typeof POPULATIONS)[number];

/** A field's value in one row: a figure, or a population group's turnaways. */
export function valueOf(row: Omit<DayFigures, 'day'>, field: Field): number {
  return (POPULATIONS as readonly string[]).includes(field)
    ? turnedAway(row, field)
    : row[field as Figure];
}

export function fieldLabel(t: T, field: Field): string {
  return (POPULATIONS as readonly string[]).includes(field)
    ? t('figures.turnedAwayGroup', { group: t(`group.${field}` as ConsoleKey) })
    : t(`figures.field.${field}` as ConsoleKey);
}

/** One plot's table: a row per day the API answered, its fields in the plot's order. */
export function dayTable(
  t: T,
  plot: PlotName,
  scope: string,
  days: readonly DayFigures[],
): TableData {
  const { title, fields } = PLOTS[plot];
  return {
    caption: t('figures.caption', { what: t(title), scope }),
    columns: [t('figures.day'), ...fields.map((field) => fieldLabel(t, field))],
    rows: days.map((row) => ({
      key: row.day ?? '',
      head: row.day ?? '',
      cells: fields.map((field) => valueOf(row, field)),
    })),
  };
}

/** Every figure the API gives for a period, a row per shelter or borough, named by `nameOf`. */
export const GROUP_FIELDS = [
  'capacity',
  'occupied',
  'bedNights',
  'arrivals',
  'departures',
  'turnaways',
  ...POPULATIONS,
  'problemReports',
] as const;

export function groupTable(
  t: T,
  caption: string,
  heading: string,
  groups: readonly GroupFigures[],
  nameOf: (group: GroupFigures) => string,
): TableData {
  return {
    caption,
    columns: [heading, ...GROUP_FIELDS.map((field) => fieldLabel(t, field))],
    rows: groups.map((group) => ({
      key: group.shelterId ?? group.boroughCode ?? '',
      head: nameOf(group),
      cells: GROUP_FIELDS.map((field) => valueOf(group, field)),
    })),
  };
}

/** A published count (residentAggregates' CountCell): the number, or the word for hidden. */
export interface CountCell {
  key: string;
  count: number | null;
  suppressed: boolean;
}

export function countText(t: T, cell: CountCell): string | number {
  return cell.suppressed || cell.count === null ? t('figures.suppressed') : cell.count;
}

/** One dimension of residentAggregates as a table: a row per cell the API published. */
export function aggregateTable(
  t: T,
  caption: string,
  heading: string,
  cells: readonly CountCell[],
  nameOf: (key: string) => string,
): TableData {
  return {
    caption,
    columns: [heading, t('figures.people')],
    rows: cells.map((cell) => ({
      key: cell.key,
      head: cell.key === 'OTHER' ? t('figures.otherGroups') : nameOf(cell.key),
      cells: [countText(t, cell)],
    })),
  };
}
