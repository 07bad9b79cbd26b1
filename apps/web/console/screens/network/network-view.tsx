import type { ShelterFigures } from '@albergue/contracts';
import { ageText, format } from '@albergue/i18n';
import { useQuery } from '@urql/preact';
import { Component, type ComponentChild } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useConsole, useStaffEvent, useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { graphql } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import { NetworkMap } from './network-map.js';
import {
  applyFigures,
  capacityOf,
  freeOf,
  GROUPS,
  isStale,
  mergeRead,
  type NetworkRow,
  overflowOf,
  rowOf,
  type Sort,
  type SortKey,
  sortRows,
  staleAfterOf,
} from './network-rows.js';

export const NetworkSheltersQuery = graphql(`
  query NetworkShelters {
    networkShelters {
      id
      name
      sensitive
      status
      version
      staleAt
      lat
      lng
      address {
        borough
      }
      availability {
        updatedAt
        byPopulation {
          population
          freeBeds
          totalBeds
          overflowFree
          overflowTotal
        }
      }
    }
  }
`);

/** How often ages and staleness are read again against the clock while on screen. */
const TICK_MS = 30_000;

/**
 * The network view (issue 19): every shelter of the network, live, as a table (sortable by a
 * group's free places and by data age) and on the shared shelter map (loaded only here). Exact
 * figures, sensitive shelters included, as networkShelters gives them to network roles; each
 * `/staff` `shelter` event moves its one row in place (never an older version over a newer one),
 * and a reconnection reads the list again. For network roles only (routes.tsx says so).
 */
export function NetworkView() {
  const t = useT();
  const { live } = useConsole();
  const [result, refetch] = useQuery({
    query: NetworkSheltersQuery,
    requestPolicy: 'network-only',
  });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const [rows, setRows] = useState<ReadonlyMap<string, NetworkRow> | null>(null);
  const staleAfter = useRef<number | null>(null);
  const [now, setNow] = useState(Date.now());
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'ascending' });
  const [focus, setFocus] = useState<string | null>(null);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  // Events that came before the first read was in: applied over it (an older one changes nothing).
  const early = useRef<ShelterFigures[]>([]);
  useEffect(() => {
    const read = result.data?.networkShelters;
    if (read) {
      const fresh = read.map(rowOf);
      staleAfter.current = staleAfterOf(fresh) ?? staleAfter.current;
      const since = early.current;
      early.current = [];
      setRows((held) =>
        since.reduce(
          (current, figures) => applyFigures(current, figures, staleAfter.current),
          mergeRead(held ?? new Map(), fresh),
        ),
      );
      setNow(Date.now());
    }
  }, [result.data]);

  // One read again, not one per event: for a shelter the list does not hold yet (made a moment
  // ago), or while no shelter had reported at the last read (the list cannot say yet when figures
  // turn stale: the read brings STALE_AFTER along with them).
  const held = useRef(rows);
  held.current = rows;
  const rereading = useRef<number | null>(null);
  useEffect(() => () => clearTimeout(rereading.current ?? undefined), []);
  const readAgainSoon = () => {
    rereading.current ??= window.setTimeout(() => {
      rereading.current = null;
      refresh();
    }, 1000);
  };
  useStaffEvent('shelter', (figures: ShelterFigures) => {
    if (!held.current) {
      early.current.push(figures);
      return;
    }
    if (!held.current.has(figures.shelterId) || staleAfter.current === null) {
      readAgainSoon();
    }
    if (held.current.has(figures.shelterId)) {
      setRows((current) => current && applyFigures(current, figures, staleAfter.current));
    }
  });
  // Each connection of the socket after this screen asked for the list (a reconnection, or the
  // first connection of a page opened here): events may have been missed meanwhile, read again.
  const connections = live.value?.connections.value ?? 0;
  const seen = useRef(connections);
  useEffect(() => {
    if (connections !== seen.current) {
      seen.current = connections;
      if (connections > 0) {
        refresh();
      }
    }
  }, [connections]);

  const sorted = useMemo(() => (rows ? sortRows(rows.values(), sort, now) : []), [rows, sort, now]);
  if (!rows) {
    return (
      <section aria-labelledby="network-title">
        <h1 id="network-title">{t('network.title')}</h1>
        {result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>}
      </section>
    );
  }
  const stale = sorted.filter((row) => isStale(row, now)).length;
  return (
    <section class="network" aria-labelledby="network-title">
      <h1 id="network-title">{t('network.title')}</h1>
      <p class="hint">
        {t('network.count', { n: sorted.length })}
        {stale > 0 && <> · {t('network.staleCount', { n: stale })}</>}
      </p>
      <NetworkMap rows={sorted} now={now} onOpen={setFocus} />
      <NetworkTable rows={sorted} now={now} sort={sort} onSort={setSort} focus={focus} />
    </section>
  );
}

function NetworkTable({
  rows,
  now,
  sort,
  onSort,
  focus,
}: {
  rows: NetworkRow[];
  now: number;
  sort: Sort;
  onSort: (sort: Sort) => void;
  focus: string | null;
}) {
  const t = useT();
  useEffect(() => {
    if (focus) {
      const cell = document.querySelector<HTMLElement>(`tr[data-shelter-id="${focus}"] th`);
      cell?.focus();
      cell?.scrollIntoView({ block: 'center' });
    }
  }, [focus]);
  const sortable = (key: SortKey, label: string) => {
    const current = sort.key === key ? sort.direction : undefined;
    return (
      <th scope="col" aria-sort={current ?? 'none'} data-sort={key}>
        <button
          type="button"
          class="sort"
          onClick={() =>
            onSort({
              key,
              // Most free places, or the oldest figures, first; the next press turns it round.
              direction:
                current === undefined
                  ? key === 'name'
                    ? 'ascending'
                    : 'descending'
                  : current === 'ascending'
                    ? 'descending'
                    : 'ascending',
            })
          }
        >
          {label}
          <span aria-hidden="true" class="sort-mark">
            {current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : ' ↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="network-table-title">
      <table class="network-table">
        <caption id="network-table-title">{t('network.table')}</caption>
        <thead>
          <tr>
            {sortable('name', t('network.col.shelter'))}
            <th scope="col">{t('network.col.borough')}</th>
            <th scope="col">{t('network.col.status')}</th>
            {GROUPS.map((group) => sortable(group, t(`group.${group}`)))}
            <th scope="col">{t('network.col.overflow')}</th>
            <th scope="col">{t('network.col.capacity')}</th>
            {sortable('age', t('network.col.age'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.id} row={row} stale={isStale(row, now)} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  row: NetworkRow;
  stale: boolean;
  now: number;
}

/**
 * One shelter's row. Re-drawn only when its row, its staleness or the clock's tick changed: an
 * event for one shelter repaints one row, not a thousand.
 */
class Row extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return (
      next.row !== this.props.row || next.stale !== this.props.stale || next.now !== this.props.now
    );
  }

  override render({ row, stale, now }: RowProps): ComponentChild {
    return <RowCells row={row} stale={stale} now={now} />;
  }
}

function RowCells({ row, stale, now }: RowProps) {
  const t = useT();
  const language = useConsole().language.value;
  // "updated 12 min ago" (the public catalogue's words, as ui/age.tsx), against the view's tick:
  // one clock for the table, not a timer per row.
  const ageOf = (updatedAt: string | null, at: number) =>
    ageText(
      (key, params) => format(language.catalogue.strings[key], params, language.code),
      updatedAt,
      at,
    );
  const overflow = overflowOf(row, now);
  return (
    <tr
      data-shelter-id={row.id}
      data-version={row.version}
      data-stale={stale ? 'true' : undefined}
      class={stale ? 'stale' : undefined}
    >
      <th scope="row" tabIndex={-1}>
        {row.name}
        {row.sensitive && <span class="tag">{t('network.sensitive')}</span>}
      </th>
      <td>{row.borough ?? '—'}</td>
      <td>{t(`network.status.${row.status as 'OPEN'}`)}</td>
      {GROUPS.map((group) => {
        const free = freeOf(row, group, now);
        return (
          <td key={group} data-group={group} class="number">
            {free === undefined ? (
              <span title={t('band.NOT_SERVED')}>
                <span aria-hidden="true">—</span>
                <span class="sr-only">{t('band.NOT_SERVED')}</span>
              </span>
            ) : free === null ? (
              <span class="unknown">{t('network.unknownFree')}</span>
            ) : (
              free
            )}
          </td>
        );
      })}
      <td class="number" data-overflow>
        {overflow.total === 0
          ? '—'
          : `${overflow.free === null ? t('network.unknownFree') : overflow.free} / ${overflow.total}`}
      </td>
      <td class="number" data-capacity>
        {capacityOf(row)}
      </td>
      <td data-age>
        {stale && <strong class="stale-word">{t('network.stale')} </strong>}
        <span class="age">{ageOf(row.updatedAt, now)}</span>
      </td>
    </tr>
  );
}
