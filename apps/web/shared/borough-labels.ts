import { BOROUGHS } from '@albergue/contracts';
import L from 'leaflet';
import { escapeHtml } from './escape-html';

/**
 * The boroughs' names at their centres, under the markers, for a map without its background:
 * enough to say "I am near Iztapalapa" with a tap. Not interactive: the tap goes to the map.
 * Loaded only when tiles are off or fail, so the catalogue never weighs on the first view.
 */
export function boroughLabels(map: L.Map): L.LayerGroup {
  if (!map.getPane('boroughs')) {
    map.createPane('boroughs').classList.add('borough-pane');
  }
  return L.layerGroup(
    BOROUGHS.map((borough) =>
      L.marker([borough.centre.lat, borough.centre.lng], {
        pane: 'boroughs',
        interactive: false,
        keyboard: false,
        icon: L.divIcon({
          className: 'borough-label',
          html: `<span>${escapeHtml(borough.name)}</span>`,
          iconSize: undefined,
        }),
      }),
    ),
  );
}
