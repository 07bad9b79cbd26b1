import { describe, expect, it } from '@jest/globals';
import type { ConsoleKey, Params } from '@albergue/i18n';
import { aggregateTable, dayTable, groupTable, turnedAway } from './figure-tables.js';

/** A `t` that writes the key and its parameters, so a spec reads what went where. */
const t = (key: ConsoleKey, params?: Params) =>
  params ? `${key}(${Object.values(params).join('|')})` : key;

const day = (date: string, figures: Partial<Record<string, number>>, byGroup = {}) => ({
  day: date,
  capacity: 0,
  occupied: 0,
  bedNights: 0,
  arrivals: 0,
  departures: 0,
  turnaways: 0,
  problemReports: 0,
  ...figures,
  turnawaysByPopulation: Object.entries(byGroup).map(([population, count]) => ({
    population,
    count: count as number,
  })),
});

describe('figure tables', () => {
  it('takes each plot’s fields from the API’s days, in order, one row a day', () => {
    const days = [
      day('2026-11-01', { occupied: 6, capacity: 20, arrivals: 2 }),
      day('2026-11-02', { occupied: 14, capacity: 20, departures: 1 }),
    ];
    expect(dayTable(t, 'occupancy', 'Red', days)).toEqual({
      caption: 'figures.caption(figures.plot.occupancy|Red)',
      columns: ['figures.day', 'figures.field.occupied', 'figures.field.capacity'],
      rows: [
        { key: '2026-11-01', head: '2026-11-01', cells: [6, 20] },
        { key: '2026-11-02', head: '2026-11-02', cells: [14, 20] },
      ],
    });
    expect(dayTable(t, 'movements', 'Red', days).rows.map((row) => row.cells)).toEqual([
      [2, 0],
      [0, 1],
    ]);
  });

  it('gives every group a turnaways column, 0 where the API leaves the group out', () => {
    const table = dayTable(t, 'turnaways', 'Red', [
      day('2026-11-01', { turnaways: 4 }, { MEN: 3, WOMEN: 1 }),
    ]);
    expect(table.columns).toEqual([
      'figures.day',
      'figures.field.turnaways',
      'figures.turnedAwayGroup(group.FAMILIES)',
      'figures.turnedAwayGroup(group.LGBTQ)',
      'figures.turnedAwayGroup(group.MEN)',
      'figures.turnedAwayGroup(group.UNACCOMPANIED_MINORS)',
      'figures.turnedAwayGroup(group.WOMEN)',
    ]);
    expect(table.rows[0].cells).toEqual([4, 0, 0, 3, 0, 1]);
    expect(turnedAway({ turnawaysByPopulation: [] }, 'MEN')).toBe(0);
  });

  it('names each group’s row and keeps every figure of the period', () => {
    const table = groupTable(
      t,
      'caption',
      'figures.borough',
      [
        {
          ...day('', { capacity: 60, problemReports: 2 }, { FAMILIES: 2 }),
          boroughCode: 'cdmx-iztapalapa',
          days: 3,
          shelters: 1,
        },
      ],
      (group) => group.boroughCode ?? '?',
    );
    expect(table.rows).toEqual([
      {
        key: 'cdmx-iztapalapa',
        head: 'cdmx-iztapalapa',
        cells: [60, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2],
      },
    ]);
    expect(table.columns).toHaveLength(13);
  });

  it('shows a suppressed count as the API marks it, never a number', () => {
    const table = aggregateTable(
      t,
      'caption',
      'head',
      [
        { key: 'HT', count: 25, suppressed: false },
        { key: 'OTHER', count: null, suppressed: true },
      ],
      (key) => `name:${key}`,
    );
    expect(table.rows).toEqual([
      { key: 'HT', head: 'name:HT', cells: [25] },
      { key: 'OTHER', head: 'figures.otherGroups', cells: ['figures.suppressed'] },
    ]);
  });
});
