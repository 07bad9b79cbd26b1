import L from 'leaflet';
import { type Band, bandHtml } from './bands';

interface MapShelter {
  id: string;
  name: string;
  location: { lat: number; lng: number; approximate: boolean; radiusKm: number | null };
  address: { borough: string | null };
  availability: {
    band: Band;
    freeBeds: number | null;
    totalBeds: number | null;
    updatedAt: string | null;
  };
}

const QUERY = `{ shelters(first: 1000) { id name
  location { lat lng approximate radiusKm } address { borough }
  availability { band freeBeds totalBeds updatedAt } } }`;

const CITY_CENTRE: L.LatLngTuple = [19.4326, -99.1332];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function describe(shelter: MapShelter): string {
  const { freeBeds } = shelter.availability;
  const free = freeBeds === null ? '' : ` · ${freeBeds} libres`;
  const area = shelter.location.approximate ? ' · zona aproximada' : '';
  return `<strong>${escapeHtml(shelter.name)}</strong> ${bandHtml(shelter.availability.band)}${free}${area}`;
}

async function load(): Promise<void> {
  const status = document.getElementById('status')!;
  const list = document.getElementById('list')!;
  const map = L.map('map', { zoomControl: true }).setView(CITY_CENTRE, 11);

  const config = (await fetch('/config.json').then((r) => r.json())) as {
    tileUrl: string;
    tileAttribution: string;
  };
  if (config.tileUrl) {
    // Tiles are optional: if they cannot load, the markers and the list still work.
    L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 18 }).addTo(map);
  }

  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const { data } = (await response.json()) as { data: { shelters: MapShelter[] } };

  for (const shelter of data.shelters) {
    const point: L.LatLngTuple = [shelter.location.lat, shelter.location.lng];
    const popup = describe(shelter);
    if (shelter.location.approximate && shelter.location.radiusKm) {
      L.circle(point, { radius: shelter.location.radiusKm * 1000, weight: 1 })
        .addTo(map)
        .bindPopup(popup);
    }
    const icon = L.divIcon({
      className: 'marker-label',
      html: bandHtml(shelter.availability.band),
      iconSize: undefined,
    });
    L.marker(point, { icon, title: shelter.name, alt: shelter.name }).addTo(map).bindPopup(popup);

    const item = document.createElement('li');
    item.dataset.shelterId = shelter.id;
    item.innerHTML = `${describe(shelter)}<br><small>${escapeHtml(shelter.address.borough ?? '')}</small>`;
    list.append(item);
  }
  status.textContent = `${data.shelters.length} albergues`;
}

load().catch(() => {
  document.getElementById('status')!.textContent =
    'No se pudo cargar la información. Intente de nuevo.';
});
