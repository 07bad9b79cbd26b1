import { foodDays } from './food-days.js';
import { FoodDaysBasis } from './supplies.enums.js';

const SPHERE = 2_100;

describe('foodDays', () => {
  it('takes the lower of need and rate, and says which', () => {
    // 180,000 kcal for 10 people at 2,100: 8.57 days; used 21,600 a day lately: 8.33 days.
    const days = foodDays({
      kcalInStock: 180_000,
      people: 10,
      kcalPerPersonDay: SPHERE,
      kcalUsed: 151_200,
      ledgerAgeDays: 30,
    });
    expect(days.byNeed).toBeCloseTo(8.571, 3);
    expect(days.kcalUsedPerDay).toBe(21_600);
    expect(days.rateWindowDays).toBe(7);
    expect(days.byRate).toBeCloseTo(8.333, 3);
    expect(days).toMatchObject({ basis: FoodDaysBasis.RATE, daysLeft: days.byRate });
  });

  it('goes by need when people eat more than the pantry has handed out', () => {
    const days = foodDays({
      kcalInStock: 42_000,
      people: 10,
      kcalPerPersonDay: SPHERE,
      kcalUsed: 7_000,
      ledgerAgeDays: 7,
    });
    expect(days).toMatchObject({ daysLeft: 2, basis: FoodDaysBasis.NEED, byRate: 42 });
  });

  it('averages a young ledger over its own days, and over one day at least', () => {
    const young = foodDays({
      kcalInStock: 10_000,
      people: 0,
      kcalPerPersonDay: SPHERE,
      kcalUsed: 4_000,
      ledgerAgeDays: 2,
    });
    expect(young).toMatchObject({ rateWindowDays: 2, kcalUsedPerDay: 2_000, daysLeft: 5 });
    const fresh = foodDays({
      kcalInStock: 10_000,
      people: 0,
      kcalPerPersonDay: SPHERE,
      kcalUsed: 4_000,
      ledgerAgeDays: 0.01,
    });
    expect(fresh).toMatchObject({ rateWindowDays: 1, kcalUsedPerDay: 4_000, daysLeft: 2.5 });
  });

  it('says nothing where nobody is present and nothing was used', () => {
    expect(
      foodDays({
        kcalInStock: 10_000,
        people: 0,
        kcalPerPersonDay: SPHERE,
        kcalUsed: 0,
        ledgerAgeDays: null,
      }),
    ).toEqual({
      daysLeft: null,
      basis: null,
      byNeed: null,
      byRate: null,
      kcalUsedPerDay: null,
      rateWindowDays: null,
    });
  });

  it('is zero days with people present and no food', () => {
    const days = foodDays({
      kcalInStock: 0,
      people: 40,
      kcalPerPersonDay: SPHERE,
      kcalUsed: 0,
      ledgerAgeDays: 3,
    });
    expect(days).toMatchObject({ daysLeft: 0, basis: FoodDaysBasis.NEED, byRate: null });
  });
});
