import { describe, expect, it } from '@jest/globals';
import { distanceKm, nearest } from './nearest';
import type { PublicShelter as Shelter } from '@albergue/contracts';

const at = (id: string, lat: number, lng: number) =>
  ({ id, location: { lat, lng, approximate: false, radiusKm: null } }) as Shelter;

describe(distanceKm.name, () => {
  it('measures great-circle distance in kilometres', () => {
    // Zócalo to the Ángel de la Independencia: about 3.6 km.
    expect(distanceKm({ lat: 19.4326, lng: -99.1332 }, { lat: 19.427, lng: -99.1677 })).toBeCloseTo(
      3.67,
      1,
    );
    expect(distanceKm({ lat: 19.4, lng: -99.1 }, { lat: 19.4, lng: -99.1 })).toBe(0);
  });
});

describe(nearest.name, () => {
  it('orders the shelters that fit by distance from the person', () => {
    const shelters = [at('far', 19.5, -99.1), at('near', 19.41, -99.1), at('closed', 19.4, -99.1)];
    const found = nearest(shelters, { lat: 19.4, lng: -99.1 }, (s) => s.id !== 'closed');
    expect(found.map((f) => f.shelter.id)).toEqual(['near', 'far']);
    expect(found[0].km).toBeCloseTo(1.11, 1);
  });
});
