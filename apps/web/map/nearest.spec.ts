import { describe, expect, it } from '@jest/globals';
import { distanceKm } from './nearest';

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
