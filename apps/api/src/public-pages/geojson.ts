import type { PublicShelter } from '@albergue/contracts';

/**
 * The open-data feed: every shelter's public aggregate as a GeoJSON point (a sensitive shelter's
 * is its approximate point, with `approximate` and `radiusKm` saying so).
 */
export function sheltersGeoJson(shelters: PublicShelter[], serverTime: string) {
  return {
    type: 'FeatureCollection' as const,
    generatedAt: serverTime,
    features: shelters.map(({ location, ...properties }) => ({
      type: 'Feature' as const,
      id: properties.id,
      geometry: { type: 'Point' as const, coordinates: [location.lng, location.lat] },
      properties: { ...properties, approximate: location.approximate, radiusKm: location.radiusKm },
    })),
  };
}
