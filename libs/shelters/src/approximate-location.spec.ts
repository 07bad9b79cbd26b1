import { approximatePoint, haversineKm, SENSITIVE_AREA_RADIUS_KM } from './approximate-location.js';

describe(approximatePoint.name, () => {
  const door = { lat: 19.4326, lng: -99.1332 };

  it('lies between 0.4 km and the public radius from the door, in every direction', () => {
    for (let i = 0; i < 500; i += 1) {
      const sut = approximatePoint(door);
      const distance = haversineKm(door, sut);
      expect(distance).toBeGreaterThanOrEqual(0.399);
      expect(distance).toBeLessThanOrEqual(SENSITIVE_AREA_RADIUS_KM + 0.001);
    }
  });

  it('would give the door away if drawn anew per request: the mean of many draws lands on it', () => {
    // This is why the point is drawn once and stored.
    const draws = Array.from({ length: 2000 }, () => approximatePoint(door));
    const mean = {
      lat: draws.reduce((sum, p) => sum + p.lat, 0) / draws.length,
      lng: draws.reduce((sum, p) => sum + p.lng, 0) / draws.length,
    };
    expect(haversineKm(door, mean)).toBeLessThan(0.1);
  });

  it('uses the given source of randomness', () => {
    const sut = approximatePoint(door, () => 0.5);
    expect(haversineKm(door, sut)).toBeCloseTo(0.7, 5);
  });
});

describe(haversineKm.name, () => {
  it('measures Zócalo to Ángel de la Independencia at about 3.7 km', () => {
    expect(
      haversineKm({ lat: 19.4326, lng: -99.1332 }, { lat: 19.427, lng: -99.1677 }),
    ).toBeCloseTo(3.67, 1);
  });
});
