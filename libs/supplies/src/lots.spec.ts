import { allocate, type LotBalance, receivedLots } from './lots.js';
import { milliOf, numericOf, toMilli } from './quantities.js';
import { SupplyUnit } from './supplies.enums.js';

const lot = (name: string | null, expiresOn: string | null, milli: number): LotBalance => ({
  lot: name,
  expiresOn,
  milli,
});

describe('allocate', () => {
  const lots = [
    lot('B', '2027-03-01', 5_000),
    lot(null, null, 4_000),
    lot('A', '2027-01-15', 2_000),
    lot('EMPTY', '2026-12-01', 0),
  ];

  it('takes from the lot that expires first, then the next, undated lots last', () => {
    expect(allocate(lots, 8_000)).toEqual({
      ok: true,
      parts: [lot('A', '2027-01-15', 2_000), lot('B', '2027-03-01', 5_000), lot(null, null, 1_000)],
    });
  });

  it('takes from one lot when one suffices', () => {
    expect(allocate(lots, 1_500)).toEqual({ ok: true, parts: [lot('A', '2027-01-15', 1_500)] });
  });

  it('takes only from the lot named, and refuses more than it holds', () => {
    expect(allocate(lots, 3_000, { lot: 'B' })).toEqual({
      ok: true,
      parts: [lot('B', '2027-03-01', 3_000)],
    });
    expect(allocate(lots, 6_000, { lot: 'B' })).toEqual({ ok: false, available: 5_000 });
    expect(allocate(lots, 1_000, { expiresOn: '2027-01-15' })).toEqual({
      ok: true,
      parts: [lot('A', '2027-01-15', 1_000)],
    });
  });

  it('refuses more than the whole stock, saying what there is', () => {
    expect(allocate(lots, 11_001)).toEqual({ ok: false, available: 11_000 });
    expect(allocate([], 1)).toEqual({ ok: false, available: 0 });
  });

  it('takes exactly the pair named with exact: no lot and no expiry are a lot of their own', () => {
    const held = [lot(null, null, -10_000), lot('B', null, 10_000)];
    // What a reversal of a receipt without a lot would take: not lot B's.
    expect(allocate(held, 10_000, { lot: null, expiresOn: null, exact: true })).toEqual({
      ok: false,
      available: 0,
    });
    expect(allocate(lots, 2_000, { lot: 'A', expiresOn: '2027-01-15', exact: true })).toEqual({
      ok: true,
      parts: [lot('A', '2027-01-15', 2_000)],
    });
    expect(allocate(lots, 1_000, { lot: 'A', expiresOn: null, exact: true })).toEqual({
      ok: false,
      available: 0,
    });
  });

  it('never gives more than the item holds in all, whatever one lot shows', () => {
    const held = [lot(null, null, -10_000), lot('B', null, 10_000)];
    expect(allocate(held, 10_000)).toEqual({ ok: false, available: 0 });
    expect(allocate([lot('A', null, -1_000), lot('B', null, 3_000)], 2_000)).toEqual({
      ok: true,
      parts: [lot('B', null, 2_000)],
    });
  });

  it('skips lots expired before freshFrom unless a lot is named; without it, expired go first', () => {
    const mixed = [
      lot('OLD', '2020-01-01', 5_000),
      lot('NEW', '2099-01-01', 5_000),
      lot(null, null, 1_000),
    ];
    expect(allocate(mixed, 2_000, { freshFrom: '2026-11-29' })).toEqual({
      ok: true,
      parts: [lot('NEW', '2099-01-01', 2_000)],
    });
    expect(allocate(mixed, 7_000, { freshFrom: '2026-11-29' })).toEqual({
      ok: false,
      available: 6_000,
    });
    // An expiry of today is still good today.
    expect(
      allocate([lot('T', '2026-11-29', 1_000)], 1_000, { freshFrom: '2026-11-29' }),
    ).toMatchObject({ ok: true });
    expect(allocate(mixed, 1_000, { lot: 'OLD', freshFrom: '2026-11-29' })).toEqual({
      ok: true,
      parts: [lot('OLD', '2020-01-01', 1_000)],
    });
    // Wasted or expired (no freshFrom): the expired lot first.
    expect(allocate(mixed, 6_000)).toEqual({
      ok: true,
      parts: [lot('OLD', '2020-01-01', 5_000), lot('NEW', '2099-01-01', 1_000)],
    });
  });
});

describe('receivedLots', () => {
  const sent = [lot('A', '2027-01-15', 2_000), lot('B', '2027-03-01', 5_000)];

  it('fills the lots in the order they were sent, so a shortfall falls on the last', () => {
    expect(receivedLots(sent, 7_000)).toEqual(sent);
    expect(receivedLots(sent, 3_000)).toEqual([
      lot('A', '2027-01-15', 2_000),
      lot('B', '2027-03-01', 1_000),
    ]);
    expect(receivedLots(sent, 0)).toEqual([]);
  });
});

describe('quantities', () => {
  it('keeps three decimals of kilos and litres, whole pieces and packs', () => {
    expect(toMilli(2.5, SupplyUnit.KG)).toBe(2_500);
    expect(toMilli(0.001, SupplyUnit.L)).toBe(1);
    expect(toMilli(0.0001, SupplyUnit.KG)).toBeNull();
    expect(toMilli(3, SupplyUnit.PIECE)).toBe(3_000);
    expect(toMilli(1.5, SupplyUnit.PACK)).toBeNull();
  });

  it('refuses nothing, less than nothing and absurd amounts', () => {
    expect(toMilli(0, SupplyUnit.KG)).toBeNull();
    expect(toMilli(-1, SupplyUnit.KG)).toBeNull();
    expect(toMilli(Number.NaN, SupplyUnit.KG)).toBeNull();
    expect(toMilli(1e9, SupplyUnit.KG)).toBeNull();
  });

  it('round-trips PostgreSQL numeric text', () => {
    expect(milliOf('-12.500')).toBe(-12_500);
    expect(numericOf(-12_500)).toBe('-12.500');
    expect(milliOf(numericOf(1))).toBe(1);
  });
});
