import { type BandName, bandFor, type PublicShelter as Shelter } from '@albergue/contracts';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map-layer.css';
import { cluster } from './clusters';
import { t } from './i18n';
import { bandClass, type View } from './render';
import { clusterHtml, markerHtml } from './markers';
import type { Point } from './nearest';
import { BAND_ORDER, offersService } from './rank';

const CITY_CENTRE: L.LatLngTuple = [19.4326, -99.1332];
const MAX_ZOOM = 18;
/** From this zoom on, markers show their names and bands in words (map-layer.css). */
const LABEL_ZOOM = 15;
/** Markers closer than this (px) become one bubble: a 36 px tap target and a little air. */
const CLUSTER_PX = 44;
/** A second tap within this time (ms) is a double tap. */
const DOUBLE_TAP_MS = 300;

/**
 * The Leaflet map, loaded only when it is shown (a phone opens on the list): a dot per shelter,
 * bubbles where dots would pile up, labels when zoomed in, sensitive shelters as their
 * approximate area. Tiles are optional: without them, or when they fail, borough names are
 * drawn at their centres and the map says that its background is unavailable.
 */
export class MapLayer {
  private readonly map: L.Map;
  private readonly drawn = L.layerGroup();
  private you: L.CircleMarker | null = null;
  private shelters: Shelter[] = [];
  private view: View | null = null;
  private boroughs: Promise<L.Layer> | null = null;

  constructor(
    private readonly element: HTMLElement,
    tiles: { tileUrl: string; tileAttribution: string },
    private readonly open: (shelterId: string) => void,
    pick: (point: Point) => void,
    private readonly notice: HTMLElement,
  ) {
    this.map = L.map(element, { zoomControl: true, maxZoom: MAX_ZOOM }).setView(CITY_CENTRE, 11);
    this.drawn.addTo(this.map);
    // A tap says "I am here"; the first tap of a double tap (zoom) does not.
    let tap: number | undefined;
    this.map.on('click', (event: L.LeafletMouseEvent) => {
      window.clearTimeout(tap);
      tap = window.setTimeout(
        () => pick({ lat: event.latlng.lat, lng: event.latlng.lng }),
        DOUBLE_TAP_MS,
      );
    });
    this.map.on('dblclick zoomstart', () => window.clearTimeout(tap));
    this.map.on('zoomend', () => this.draw());
    if (tiles.tileUrl) {
      let loaded = false;
      L.tileLayer(tiles.tileUrl, { attribution: tiles.tileAttribution, maxZoom: MAX_ZOOM })
        .on('tileload', () => {
          loaded = true;
          this.background(true);
        })
        .on('tileerror', () => {
          if (!loaded) {
            this.background(false);
          }
        })
        .addTo(this.map);
    } else {
      this.background(false);
    }
  }

  show(shelters: Iterable<Shelter>, view: View): void {
    this.shelters = [...shelters];
    this.view = view;
    this.labelZoom();
    this.draw();
  }

  /** Shows every shelter at once (the first view). */
  /** Leaflet's zoom buttons say "Zoom in" in English: in the reader's language instead. */
  private labelZoom(): void {
    const buttons = [
      ['.leaflet-control-zoom-in', t('finder.zoomIn')],
      ['.leaflet-control-zoom-out', t('finder.zoomOut')],
    ] as const;
    for (const [selector, label] of buttons) {
      const button = this.element.querySelector(selector);
      button?.setAttribute('title', label);
      button?.setAttribute('aria-label', label);
    }
  }

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

  /** The map's box changed size (it was hidden, or the screen turned). */
  resize(): void {
    this.map.invalidateSize();
  }

  private draw(): void {
    const view = this.view;
    if (!view) {
      return;
    }
    const zoom = this.map.getZoom();
    this.element.dataset.zoom = String(zoom);
    this.element.classList.toggle('labels', zoom >= LABEL_ZOOM);
    this.drawn.clearLayers();
    // The best band leads its bubble, so a bubble is never drawn from a full or faded one.
    const spots = this.shelters
      .filter((shelter) => offersService(shelter, view))
      .map((shelter) => ({ shelter, band: bandFor(shelter, view.group, view.freshness) }))
      .sort((a, b) => BAND_ORDER.indexOf(a.band) - BAND_ORDER.indexOf(b.band))
      .map((item) => {
        const { x, y } = this.map.project([item.shelter.location.lat, item.shelter.location.lng]);
        return { item, x, y };
      });
    const groups = zoom >= MAX_ZOOM ? spots.map((spot) => [spot]) : cluster(spots, CLUSTER_PX);
    for (const group of groups) {
      const members = group.map((spot) => spot.item);
      if (members.length === 1) {
        this.drawShelter(members[0].shelter, view);
      } else {
        this.drawCluster(
          members.map((member) => member.shelter),
          members.map((member) => member.band),
        );
      }
    }
  }

  private drawShelter(shelter: Shelter, view: View): void {
    const point: L.LatLngTuple = [shelter.location.lat, shelter.location.lng];
    const band = bandFor(shelter, view.group, view.freshness);
    if (shelter.location.approximate) {
      const area = L.circle(point, {
        radius: (shelter.location.radiusKm ?? 1) * 1000,
        weight: 2,
        className: `shelter-area band-area-${bandClass(band)}`,
        // A tap on the area opens it; it is not "I am here".
        bubblingMouseEvents: false,
      }).on('click', () => this.open(shelter.id));
      this.drawn.addLayer(area);
      area.getElement()?.setAttribute('data-shelter-id', shelter.id);
    }
    const icon = L.divIcon({
      className: 'marker-icon',
      html: markerHtml(shelter, view),
      iconSize: [36, 36],
    });
    this.drawn.addLayer(
      L.marker(point, {
        icon,
        keyboard: false,
        // Faded ones ("not for this group") under the others.
        zIndexOffset: band === 'NOT_SERVED' ? -1000 : 0,
      }).on('click', () => this.open(shelter.id)),
    );
  }

  private drawCluster(shelters: Shelter[], bands: BandName[]): void {
    const bounds = L.latLngBounds(shelters.map((s) => [s.location.lat, s.location.lng]));
    const icon = L.divIcon({
      className: 'cluster-icon',
      html: clusterHtml(bands),
      iconSize: [44, 44],
    });
    this.drawn.addLayer(
      L.marker(bounds.getCenter(), { icon, keyboard: false }).on('click', () => {
        const zoom = Math.max(this.map.getZoom() + 1, this.map.getBoundsZoom(bounds.pad(0.5)));
        this.map.setView(bounds.getCenter(), Math.min(zoom, MAX_ZOOM));
      }),
    );
  }

  /** With tiles, nothing to add; without, borough names (a chunk of their own) and a notice. */
  private background(tiles: boolean): void {
    this.notice.hidden = tiles;
    if (tiles) {
      void this.boroughs?.then((layer) => layer.remove());
      this.boroughs = null;
    } else if (!this.boroughs) {
      this.boroughs = import('./borough-labels').then(({ boroughLabels }) =>
        boroughLabels(this.map).addTo(this.map),
      );
    }
  }
}
