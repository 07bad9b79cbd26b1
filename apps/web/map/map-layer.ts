import { bandFor, type PublicShelter as Shelter } from '@albergue/contracts';
import L from 'leaflet';
import type { Point } from './nearest';
import { bandClass, markerHtml, type View } from './render';

const CITY_CENTRE: L.LatLngTuple = [19.4326, -99.1332];

/**
 * The Leaflet map: a labelled marker per shelter (band in colour, symbol and words, and free
 * places), a sensitive shelter drawn only as its approximate area, never a point. Tiles are
 * optional: without them the markers still show on a plain background.
 */
export class MapLayer {
  private readonly map: L.Map;
  private readonly markers = new Map<string, L.Marker | L.Circle>();
  private you: L.CircleMarker | null = null;

  constructor(
    element: HTMLElement,
    tiles: { tileUrl: string; tileAttribution: string },
    private readonly open: (shelterId: string) => void,
    pick: (point: Point) => void,
  ) {
    this.map = L.map(element, { zoomControl: true }).setView(CITY_CENTRE, 11);
    if (tiles.tileUrl) {
      L.tileLayer(tiles.tileUrl, { attribution: tiles.tileAttribution, maxZoom: 18 }).addTo(
        this.map,
      );
    }
    this.map.on('click', (event: L.LeafletMouseEvent) =>
      pick({ lat: event.latlng.lat, lng: event.latlng.lng }),
    );
  }

  show(shelter: Shelter, view: View): void {
    const point: L.LatLngTuple = [shelter.location.lat, shelter.location.lng];
    const existing = this.markers.get(shelter.id);
    if (shelter.location.approximate) {
      const band = bandClass(bandFor(shelter, view.group, view.freshness));
      const area =
        existing instanceof L.Circle
          ? existing.setLatLng(point)
          : this.track(
              shelter.id,
              L.circle(point, {
                radius: (shelter.location.radiusKm ?? 1) * 1000,
                weight: 2,
                // A tap on the area opens it; it is not "I am here".
                bubblingMouseEvents: false,
              }),
            );
      area.setStyle({ className: `shelter-area band-area-${band}` });
      area
        .getElement()
        ?.setAttribute('class', `leaflet-interactive shelter-area band-area-${band}`);
      area.getElement()?.setAttribute('data-shelter-id', shelter.id);
      return;
    }
    const icon = L.divIcon({
      className: 'marker-label',
      html: markerHtml(shelter, view),
      iconSize: undefined,
    });
    if (existing instanceof L.Marker) {
      existing.setLatLng(point).setIcon(icon);
    } else {
      this.track(
        shelter.id,
        L.marker(point, { icon, title: shelter.name, alt: shelter.name, keyboard: false }),
      );
    }
  }

  /** Shows every shelter at once (the first view). */
  fit(points: Point[]): void {
    if (points.length > 0) {
      this.map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng])), { padding: [24, 24] });
    }
  }

  /** Where the person said they are: drawn here only, never sent. */
  mark(point: Point): void {
    this.you?.remove();
    this.you = L.circleMarker([point.lat, point.lng], { radius: 7, className: 'you' }).addTo(
      this.map,
    );
  }

  focus(point: Point): void {
    this.map.setView([point.lat, point.lng], Math.max(this.map.getZoom(), 13));
  }

  private track<T extends L.Marker | L.Circle>(id: string, layer: T): T {
    layer.on('click', () => this.open(id));
    layer.addTo(this.map);
    this.markers.set(id, layer);
    return layer;
  }
}
