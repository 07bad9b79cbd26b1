import { randomInt } from 'node:crypto';

/** The public area of a sensitive shelter: the door lies within this radius of the shown point. */
export const SENSITIVE_AREA_RADIUS_KM = 1;
/** Never closer than this, so that the shown point itself does not give the door away. */
const MIN_OFFSET_KM = 0.4;
const EARTH_RADIUS_KM = 6371.0088;

export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * Draws, once, a point between 0.4 and 1 km from the door in a random direction. It is stored
 * and reused for every public computation: re-drawing per request would let anyone average
 * many answers back to the door.
 */
export function approximatePoint(
  door: LatLng,
  random: () => number = () => randomInt(1_000_000) / 1_000_000,
): LatLng {
  const distanceKm = MIN_OFFSET_KM + random() * (SENSITIVE_AREA_RADIUS_KM - MIN_OFFSET_KM);
  const bearing = random() * 2 * Math.PI;
  const angular = distanceKm / EARTH_RADIUS_KM;
  const lat1 = (door.lat * Math.PI) / 180;
  const lng1 = (door.lng * Math.PI) / 180;
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing),
  );
  const lng2 =
    lng1 +
    Math.atan2(
      Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
      Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
    );
  return { lat: (lat2 * 180) / Math.PI, lng: (((lng2 * 180) / Math.PI + 540) % 360) - 180 };
}

/** Great-circle distance, for tests and for the browser-side "nearest" of later issues. */
export function haversineKm(a: LatLng, b: LatLng): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}
