import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './shelter-map.css';
import { cluster } from './clusters';

const CITY_CENTRE: L.LatLngTuple = [19.4326, -99.1332];
export const MAX_ZOOM = 18;
/** From this zoom on, markers show their names and states in words (shelter-map.css). */
const LABEL_ZOOM = 15;
/** Markers closer than this (px) become one bubble: a 36 px tap target and a little air. */
const CLUSTER_PX = 44;

export interface Point {
  lat: number;
  lng: number;
}

/** /config.json's tile settings: an empty `tileUrl` means no tiles (borough names instead). */
export interface Tiles {
  tileUrl: string;
  tileAttribution: string;
}

/**
 * What differs between the maps that draw shelters (the public map, the console's network view):
 * where each is, what its mark and a bubble of several say, and what a tap on one does.
 */
export interface ShelterMarks<T> {
  id(item: T): string;
  point(item: T): Point;
  /** A sensitive shelter shown as its approximate area: the circle's radius and class. */
  area(item: T): { radiusKm: number; className: string } | null;
  markHtml(item: T): string;
  bubbleHtml(items: T[]): string;
  /** Drawn under the others (a faded "not for this group"): a negative offset. */
  zIndexOffset?(item: T): number;
  open(item: T): void;
}

export interface ShelterMapOptions {
  /** Leaflet's zoom buttons, in the reader's language (asked at each show: it may change). */
  words(): { zoomIn: string; zoomOut: string };
  /** Tiles loaded (true), or none / failing (false): the caller says so in words. */
  background(tiles: boolean): void;
  /** A tap on the map itself, not on a shelter (the public map's "I am here"). */
  tap?(point: Point): void;
}

/** A second tap within this time (ms) is a double tap. */
const DOUBLE_TAP_MS = 300;

/**
 * The Leaflet map both maps share: a dot per shelter, bubbles where dots would pile up (the
 * caller's order says who leads a bubble), labels when zoomed in, sensitive shelters as their
 * approximate area where the caller asks. Tiles are optional: without them, or when they fail,
 * borough names are drawn at their centres (a chunk of their own). Load it with import(): it
 * brings Leaflet, which no first view needs.
 */
export class ShelterMap<T> {
  readonly map: L.Map;
  private readonly drawn = L.layerGroup();
  private items: T[] = [];
  private boroughs: Promise<L.Layer> | null = null;

  constructor(
    private readonly element: HTMLElement,
    tiles: Tiles,
    private readonly marks: ShelterMarks<T>,
    private readonly options: ShelterMapOptions,
  ) {
    this.map = L.map(element, { zoomControl: true, maxZoom: MAX_ZOOM }).setView(CITY_CENTRE, 11);
    this.drawn.addTo(this.map);
    const tap = options.tap;
    if (tap) {
      // The first tap of a double tap (zoom) is not a tap.
      let timer: number | undefined;
      this.map.on('click', (event: L.LeafletMouseEvent) => {
        window.clearTimeout(timer);
        timer = window.setTimeout(
          () => tap({ lat: event.latlng.lat, lng: event.latlng.lng }),
          DOUBLE_TAP_MS,
        );
      });
      this.map.on('dblclick zoomstart', () => window.clearTimeout(timer));
    }
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

  /** Draws these shelters, in this order (the first of a bubble leads it), instead of the last. */
  show(items: Iterable<T>): void {
    this.items = [...items];
    this.labelZoom();
    this.draw();
  }

  fit(points: Point[]): void {
    if (points.length > 0) {
      this.map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng])), { padding: [24, 24] });
    }
  }

  focus(point: Point): void {
    this.map.setView([point.lat, point.lng], Math.max(this.map.getZoom(), 13));
  }

  /** The map's box changed size (it was hidden, or the screen turned). */
  resize(): void {
    this.map.invalidateSize();
  }

  remove(): void {
    this.map.remove();
  }

  /** Leaflet's zoom buttons say "Zoom in" in English: in the reader's language instead. */
  private labelZoom(): void {
    const words = this.options.words();
    const buttons = [
      ['.leaflet-control-zoom-in', words.zoomIn],
      ['.leaflet-control-zoom-out', words.zoomOut],
    ] as const;
    for (const [selector, label] of buttons) {
      const button = this.element.querySelector(selector);
      button?.setAttribute('title', label);
      button?.setAttribute('aria-label', label);
    }
  }

  private draw(): void {
    const zoom = this.map.getZoom();
    this.element.dataset.zoom = String(zoom);
    this.element.classList.toggle('labels', zoom >= LABEL_ZOOM);
    this.drawn.clearLayers();
    const spots = this.items.map((item) => {
      const point = this.marks.point(item);
      const { x, y } = this.map.project([point.lat, point.lng]);
      return { item, x, y };
    });
    const groups = zoom >= MAX_ZOOM ? spots.map((spot) => [spot]) : cluster(spots, CLUSTER_PX);
    for (const group of groups) {
      if (group.length === 1) {
        this.drawOne(group[0].item);
      } else {
        this.drawBubble(group.map((spot) => spot.item));
      }
    }
  }

  private drawOne(item: T): void {
    const { lat, lng } = this.marks.point(item);
    const point: L.LatLngTuple = [lat, lng];
    const open = () => this.marks.open(item);
    const area = this.marks.area(item);
    if (area) {
      const circle = L.circle(point, {
        radius: area.radiusKm * 1000,
        weight: 2,
        className: `shelter-area ${area.className}`,
        // A tap on the area opens it; it is not a tap on the map.
        bubblingMouseEvents: false,
      }).on('click', open);
      this.drawn.addLayer(circle);
      circle.getElement()?.setAttribute('data-shelter-id', this.marks.id(item));
    }
    const icon = L.divIcon({
      className: 'marker-icon',
      html: this.marks.markHtml(item),
      iconSize: [36, 36],
    });
    this.drawn.addLayer(
      L.marker(point, {
        icon,
        keyboard: false,
        zIndexOffset: this.marks.zIndexOffset?.(item) ?? 0,
      }).on('click', open),
    );
  }

  private drawBubble(items: T[]): void {
    const bounds = L.latLngBounds(
      items.map((item) => {
        const { lat, lng } = this.marks.point(item);
        return [lat, lng];
      }),
    );
    const icon = L.divIcon({
      className: 'cluster-icon',
      html: this.marks.bubbleHtml(items),
      iconSize: [44, 44],
    });
    this.drawn.addLayer(
      L.marker(bounds.getCenter(), { icon, keyboard: false }).on('click', () => {
        const zoom = Math.max(this.map.getZoom() + 1, this.map.getBoundsZoom(bounds.pad(0.5)));
        this.map.setView(bounds.getCenter(), Math.min(zoom, MAX_ZOOM));
      }),
    );
  }

  /** With tiles, nothing to add; without, borough names (a chunk of their own). */
  private background(tiles: boolean): void {
    this.options.background(tiles);
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
