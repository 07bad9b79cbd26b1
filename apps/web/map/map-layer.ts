import { bandFor, type PublicShelter as Shelter } from '@albergue/contracts';
import L from 'leaflet';
import { ShelterMap, type Tiles } from '../shared/shelter-map';
import './map-layer.css';
import { t } from './i18n';
import { bandClass, type View } from './render';
import { clusterHtml, markerHtml } from './markers';
import type { Point } from './nearest';
import { BAND_ORDER, offersService } from './rank';

/**
 * The public map, loaded only when it is shown (a phone opens on the list): the shared shelter
 * map (../shared/shelter-map.ts: dots, bubbles, labels when zoomed in, tiles or borough names)
 * with the finder's marks (each shelter's band for the chosen group; sensitive shelters as their
 * approximate area) and "I am here" on a tap. Without tiles the map says its background is
 * unavailable.
 */
export class MapLayer {
  private readonly layer: ShelterMap<Shelter>;
  private you: L.CircleMarker | null = null;
  private view: View | null = null;

  constructor(
    element: HTMLElement,
    tiles: Tiles,
    open: (shelterId: string) => void,
    pick: (point: Point) => void,
    notice: HTMLElement,
  ) {
    const band = (shelter: Shelter) => bandFor(shelter, this.view!.group, this.view!.freshness);
    this.layer = new ShelterMap<Shelter>(
      element,
      tiles,
      {
        id: (shelter) => shelter.id,
        point: (shelter) => shelter.location,
        area: (shelter) =>
          shelter.location.approximate
            ? {
                radiusKm: shelter.location.radiusKm ?? 1,
                className: `band-area-${bandClass(band(shelter))}`,
              }
            : null,
        markHtml: (shelter) => markerHtml(shelter, this.view!),
        bubbleHtml: (shelters) => clusterHtml(shelters.map(band)),
        // Faded ones ("not for this group") under the others.
        zIndexOffset: (shelter) => (band(shelter) === 'NOT_SERVED' ? -1000 : 0),
        open: (shelter) => open(shelter.id),
      },
      {
        words: () => ({ zoomIn: t('finder.zoomIn'), zoomOut: t('finder.zoomOut') }),
        background: (shown) => {
          notice.hidden = shown;
        },
        tap: pick,
      },
    );
  }

  show(shelters: Iterable<Shelter>, view: View): void {
    this.view = view;
    // The best band leads its bubble, so a bubble is never drawn from a full or faded one.
    this.layer.show(
      [...shelters]
        .filter((shelter) => offersService(shelter, view))
        .map((shelter) => ({ shelter, band: bandFor(shelter, view.group, view.freshness) }))
        .sort((a, b) => BAND_ORDER.indexOf(a.band) - BAND_ORDER.indexOf(b.band))
        .map((item) => item.shelter),
    );
  }

  fit(points: Point[]): void {
    this.layer.fit(points);
  }

  /** Where the person said they are: drawn here only, never sent. */
  mark(point: Point): void {
    this.you?.remove();
    this.you = L.circleMarker([point.lat, point.lng], { radius: 7, className: 'you' }).addTo(
      this.layer.map,
    );
  }

  focus(point: Point): void {
    this.layer.focus(point);
  }

  /** The map's box changed size (it was hidden, or the screen turned). */
  resize(): void {
    this.layer.resize();
  }
}
