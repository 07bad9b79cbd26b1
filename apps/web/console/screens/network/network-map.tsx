import { useEffect, useRef, useState } from 'preact/hooks';
import type { ShelterMap } from '../../../shared/shelter-map.js';
import { useConsole, useT } from '../../core/context.js';
import { markStateOf, type MarkState, type NetworkRow, totalFree } from './network-rows.js';

/** A state's symbol: with its colour and its words, never the colour alone. */
const SYMBOLS: Record<MarkState, string> = { SPACE: '✔', FULL: '✖', CLOSED: '—', UNKNOWN: '?' };
/** Who leads a bubble: a shelter with space before a full, closed or unknown one. */
const ORDER: MarkState[] = ['SPACE', 'FULL', 'UNKNOWN', 'CLOSED'];

interface Drawn {
  map: ShelterMap<NetworkRow>;
  now: number;
}

/**
 * The network on the shared shelter map (apps/web/shared/shelter-map.ts, the public map's code),
 * loaded with Leaflet only when this screen is shown. Each shelter at its door (network roles see
 * it), its state in symbol, colour and words; a tap on one brings its row into view. Redrawn once
 * per frame at most, whatever the number of events.
 */
export function NetworkMap({
  rows,
  now,
  onOpen,
}: {
  rows: NetworkRow[];
  now: number;
  onOpen: (shelterId: string) => void;
}) {
  const t = useT();
  const { language } = useConsole();
  const element = useRef<HTMLDivElement>(null);
  const drawn = useRef<Drawn | null>(null);
  const latest = useRef({ rows, now });
  latest.current = { rows, now };
  const frame = useRef<number | null>(null);
  const [tiles, setTiles] = useState<boolean | null>(null);
  const [failed, setFailed] = useState(false);

  const redraw = () => {
    if (frame.current !== null) {
      return;
    }
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const current = drawn.current;
      if (current) {
        current.now = latest.current.now;
        current.map.show(
          [...latest.current.rows].sort(
            (a, b) =>
              ORDER.indexOf(markStateOf(a, current.now)) -
              ORDER.indexOf(markStateOf(b, current.now)),
          ),
        );
      }
    });
  };

  useEffect(() => {
    let gone = false;
    // The reader's language at each draw (it may change while the map is shown).
    const say: typeof language.value.t = (key, params) => language.value.t(key, params);
    void Promise.all([
      import('../../../shared/shelter-map.js'),
      import('../../../shared/escape-html.js'),
      import('../../../shared/marks.js'),
      fetch('/config.json').then(
        (response) => response.json() as Promise<{ tileUrl?: string; tileAttribution?: string }>,
      ),
    ])
      .then(([{ ShelterMap }, { escapeHtml }, { markHtml, bubbleHtml }, config]) => {
        if (gone || !element.current) {
          return;
        }
        const state = (row: NetworkRow) => markStateOf(row, drawn.current?.now ?? Date.now());
        const map = new ShelterMap<NetworkRow>(
          element.current,
          { tileUrl: config.tileUrl ?? '', tileAttribution: config.tileAttribution ?? '' },
          {
            id: (row) => row.id,
            point: (row) => ({ lat: row.lat, lng: row.lng }),
            // Network roles see the door: no approximate area.
            area: () => null,
            markHtml: (row) => {
              const mark = state(row);
              const free = totalFree(row, drawn.current?.now ?? Date.now());
              const words = say(`band.${mark}`);
              return markHtml({
                shelterId: row.id,
                title: `${row.name} · ${words}`,
                dotClass: `state-${mark.toLowerCase()}`,
                symbol: SYMBOLS[mark],
                labelHtml: `<b>${escapeHtml(row.name)}</b> ${escapeHtml(words)}${
                  free === null ? '' : ` · ${escapeHtml(say('shelters.free', { n: free }))}`
                }`,
                extraClass: mark === 'UNKNOWN' ? 'stale' : undefined,
              });
            },
            bubbleHtml: (members) => {
              const lead = state(members[0]);
              return bubbleHtml({
                count: members.length,
                dotClass: `state-${lead.toLowerCase()}`,
                symbol: SYMBOLS[lead],
                shown: members.filter((member) => state(member) === lead).length,
                title: say('network.count', { n: members.length }),
              });
            },
            open: (row) => onOpen(row.id),
          },
          {
            words: () => ({
              zoomIn: language.value.t('network.zoomIn'),
              zoomOut: language.value.t('network.zoomOut'),
            }),
            background: (shown) => setTiles(shown),
          },
        );
        drawn.current = { map, now: latest.current.now };
        map.fit(latest.current.rows.map((row) => ({ lat: row.lat, lng: row.lng })));
        redraw();
      })
      .catch(() => {
        if (!gone) {
          setFailed(true);
        }
      });
    return () => {
      gone = true;
      if (frame.current !== null) {
        cancelAnimationFrame(frame.current);
      }
      drawn.current?.map.remove();
      drawn.current = null;
    };
  }, []);

  useEffect(redraw, [rows, now, language.value]);

  return (
    <section class="network-map-box" aria-labelledby="network-map-title">
      <h2 id="network-map-title">{t('network.map')}</h2>
      {/* The map repeats the table for the eye; the table below says it all in words. */}
      <div ref={element} class="network-map" />
      {tiles === false && <p class="hint">{t('network.noTiles')}</p>}
      {failed && <p class="notice warning">{t('network.mapFailed')}</p>}
    </section>
  );
}
