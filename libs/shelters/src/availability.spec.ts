import { type AvailabilityInput, bandOf, computeAvailability } from './availability.js';
import { AvailabilityBand, Population, ShelterStatus } from './shelters.enums.js';

const rules = { fewThreshold: 5, staleAfterMs: 12 * 3_600_000 };
const now = new Date('2026-11-25T20:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

function shelter(overrides: Partial<AvailabilityInput> = {}): AvailabilityInput {
  return {
    status: ShelterStatus.OPEN,
    sensitive: false,
    confirmedAt: hoursAgo(1),
    capacities: [
      {
        population: Population.MEN,
        totalBeds: 40,
        freeBeds: 10,
        overflowTotal: 10,
        overflowFree: 0,
      },
      {
        population: Population.WOMEN,
        totalBeds: 20,
        freeBeds: 2,
        overflowTotal: 0,
        overflowFree: 0,
      },
      {
        population: Population.FAMILIES,
        totalBeds: 12,
        freeBeds: 0,
        overflowTotal: 4,
        overflowFree: 0,
      },
    ],
    ...overrides,
  };
}

describe(bandOf.name, () => {
  it.each([
    [ShelterStatus.OPEN, false, 5, AvailabilityBand.SPACE],
    [ShelterStatus.OPEN, false, 4, AvailabilityBand.FEW],
    [ShelterStatus.OPEN, false, 1, AvailabilityBand.FEW],
    [ShelterStatus.OPEN, false, 0, AvailabilityBand.FULL],
    [ShelterStatus.OPEN, true, 50, AvailabilityBand.UNKNOWN],
    [ShelterStatus.FULL, false, 50, AvailabilityBand.FULL],
    [ShelterStatus.FULL, true, 0, AvailabilityBand.UNKNOWN],
    [ShelterStatus.CLOSED, true, 50, AvailabilityBand.CLOSED],
    [ShelterStatus.TEMPORARILY_CLOSED, false, 50, AvailabilityBand.CLOSED],
  ])('%s, stale %s, %i places: %s', (status, stale, places, band) => {
    expect(bandOf(status, stale, places, rules)).toBe(band);
  });
});

describe(computeAvailability.name, () => {
  it('bands each group and the whole shelter, counting overflow places apart but towards the band', () => {
    const sut = computeAvailability(shelter(), rules, now);
    expect(sut).toMatchObject({
      band: AvailabilityBand.SPACE,
      freeBeds: 12,
      totalBeds: 72,
      overflowFree: 0,
      overflowTotal: 14,
      stale: false,
    });
    expect(sut.byPopulation.map((p) => [p.population, p.band, p.freeBeds])).toEqual([
      [Population.MEN, AvailabilityBand.SPACE, 10],
      [Population.WOMEN, AvailabilityBand.FEW, 2],
      [Population.FAMILIES, AvailabilityBand.FULL, 0],
    ]);
  });

  it('a free mat counts: a group with no bed but overflow places is not FULL', () => {
    const sut = computeAvailability(
      shelter({
        capacities: [
          {
            population: Population.MEN,
            totalBeds: 10,
            freeBeds: 0,
            overflowTotal: 8,
            overflowFree: 6,
          },
        ],
      }),
      rules,
      now,
    );
    expect(sut.band).toBe(AvailabilityBand.SPACE);
    expect(sut.freeBeds).toBe(0);
    expect(sut.overflowFree).toBe(6);
  });

  it('turns UNKNOWN after STALE_AFTER without a report, and shows no stale number', () => {
    const sut = computeAvailability(shelter({ confirmedAt: hoursAgo(12.5) }), rules, now);
    expect(sut).toMatchObject({
      band: AvailabilityBand.UNKNOWN,
      freeBeds: null,
      overflowFree: null,
      totalBeds: 72,
      stale: true,
    });
    expect(
      sut.byPopulation.every((p) => p.band === AvailabilityBand.UNKNOWN && p.freeBeds === null),
    ).toBe(true);
    expect(sut.updatedAt).toEqual(hoursAgo(12.5));
  });

  it('is UNKNOWN when never reported', () => {
    expect(computeAvailability(shelter({ confirmedAt: null }), rules, now).band).toBe(
      AvailabilityBand.UNKNOWN,
    );
  });

  it('shows a sensitive shelter by bands only', () => {
    const sut = computeAvailability(shelter({ sensitive: true }), rules, now);
    expect(sut).toMatchObject({
      band: AvailabilityBand.SPACE,
      freeBeds: null,
      totalBeds: null,
      overflowFree: null,
      overflowTotal: null,
    });
    expect(
      sut.byPopulation.every(
        (p) => p.freeBeds === null && p.totalBeds === null && p.band !== AvailabilityBand.UNKNOWN,
      ),
    ).toBe(true);
  });

  it('shows a closed shelter as CLOSED with no free places', () => {
    const sut = computeAvailability(
      shelter({ status: ShelterStatus.TEMPORARILY_CLOSED }),
      rules,
      now,
    );
    expect(sut).toMatchObject({ band: AvailabilityBand.CLOSED, freeBeds: null, totalBeds: 72 });
  });

  it('uses FEW_THRESHOLD as given', () => {
    const sut = computeAvailability(shelter(), { ...rules, fewThreshold: 20 }, now);
    expect(sut.band).toBe(AvailabilityBand.FEW);
  });
});
