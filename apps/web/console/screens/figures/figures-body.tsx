import type { ConsoleKey } from '@albergue/i18n';
import { useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { DataTable } from '../../ui/data-table.js';
import { ErrorText } from '../../ui/error-text.js';
import { AggregatesSection } from './aggregates.js';
import { FigureBlock } from './figure-block.js';
import { type GroupFigures, groupTable, PLOTS, type PlotName } from './figure-tables.js';
import {
  NetworkDaysQuery,
  NetworkGroupsQuery,
  NetworkTotalQuery,
  ShelterDaysQuery,
} from './figures-query.js';
import type { Scope } from './scope.js';

/**
 * A scope's figures over a period, every one as the API answers it: the period's total
 * (networkFigures by NETWORK, of the borough or the shelter); the days (networkFigures by DAY, of
 * one borough when the scope is one; dailyFigures for a shelter) as four plots with their tables;
 * the period by borough (the network) or by shelter (a borough); residents' aggregates.
 */
export function FiguresBody({
  scope,
  scopeName,
  from,
  to,
  shelterNames,
  tablesOpen = false,
}: {
  scope: Scope;
  scopeName: string;
  from: string;
  to: string;
  /** Shelters' names by id, for the rows of a table by shelter. */
  shelterNames: ReadonlyMap<string, string>;
  /** Tables open from the start (the printable report). */
  tablesOpen?: boolean;
}) {
  const t = useT();
  const borough = scope.kind === 'borough' ? scope.code : null;
  const [network] = useQuery({
    query: NetworkDaysQuery,
    variables: { from, to, borough },
    pause: scope.kind === 'shelter',
  });
  const [shelter] = useQuery({
    query: ShelterDaysQuery,
    variables: { shelterId: scope.kind === 'shelter' ? scope.id : '', from, to },
    pause: scope.kind !== 'shelter',
  });
  const [groups] = useQuery({
    query: NetworkGroupsQuery,
    variables: { from, to, groupBy: scope.kind === 'network' ? 'BOROUGH' : 'SHELTER', borough },
    pause: scope.kind === 'shelter',
  });
  const [total] = useQuery({
    query: NetworkTotalQuery,
    variables: { from, to, borough, shelterId: scope.kind === 'shelter' ? scope.id : null },
  });
  const result = scope.kind === 'shelter' ? shelter : network;
  const days = scope.kind === 'shelter' ? shelter.data?.dailyFigures : network.data?.networkFigures;
  const period = useMemo(() => ({ from, to }), [from, to]);
  return (
    <>
      {result.error && <ErrorText error={actError(result.error)} />}
      {!days && !result.error && (
        <p class="loading" role="status">
          {t('app.loading')}
        </p>
      )}
      {total.data && total.data.networkFigures.length > 0 && (
        <TotalSection scopeName={scopeName} total={total.data.networkFigures} period={period} />
      )}
      {total.error && <ErrorText error={actError(total.error)} />}
      {days && days.length === 0 && <p class="notice">{t('figures.none')}</p>}
      {days && days.length > 0 && (
        <div class="figures-plots" data-days={days.length}>
          {(Object.keys(PLOTS) as PlotName[]).map((plot) => (
            <FigureBlock
              key={plot}
              plot={plot}
              scope={scopeName}
              days={days}
              period={period}
              tableOpen={tablesOpen}
            />
          ))}
        </div>
      )}
      {scope.kind !== 'shelter' && groups.data && groups.data.networkFigures.length > 0 && (
        <GroupsSection
          scope={scope}
          scopeName={scopeName}
          groups={groups.data.networkFigures}
          period={period}
          shelterNames={shelterNames}
        />
      )}
      {groups.error && <ErrorText error={actError(groups.error)} />}
      <AggregatesSection scope={scope} scopeName={scopeName} period={period} />
    </>
  );
}

/**
 * The period's total as the API sums it (networkFigures by NETWORK): one row, every figure of the
 * period, turnaways by group too; nothing is added up here.
 */
function TotalSection({
  scopeName,
  total,
  period,
}: {
  scopeName: string;
  total: readonly GroupFigures[];
  period: { from: string; to: string };
}) {
  const t = useT();
  const table = useMemo(
    () =>
      groupTable(
        t,
        t('figures.caption', { what: t('figures.total'), scope: scopeName }),
        t('figures.totalScope'),
        total,
        () => scopeName,
      ),
    [t, scopeName, total],
  );
  return (
    <section class="figure" aria-labelledby="figures-total-title">
      <h3 id="figures-total-title">{t('figures.total')}</h3>
      <p class="hint">{t('figures.periodSums')}</p>
      <DataTable id="figures-total-table" table={table} period={period} />
    </section>
  );
}

function GroupsSection({
  scope,
  scopeName,
  groups,
  period,
  shelterNames,
}: {
  scope: Scope;
  scopeName: string;
  groups: readonly GroupFigures[];
  period: { from: string; to: string };
  shelterNames: ReadonlyMap<string, string>;
}) {
  const t = useT();
  const byBorough = scope.kind === 'network';
  const title: ConsoleKey = byBorough ? 'figures.byBorough' : 'figures.byShelter';
  const table = useMemo(
    () =>
      groupTable(
        t,
        t('figures.caption', { what: t(title), scope: scopeName }),
        byBorough ? t('figures.borough') : t('figures.shelter'),
        groups,
        (group) =>
          byBorough
            ? (group.borough ?? t('figures.noBorough'))
            : (shelterNames.get(group.shelterId ?? '') ?? t('figures.unnamedShelter')),
      ),
    [t, title, scopeName, groups, byBorough, shelterNames],
  );
  return (
    <section class="figure" aria-labelledby="figures-groups-title">
      <h3 id="figures-groups-title">{t(title)}</h3>
      <p class="hint">{t('figures.periodSums')}</p>
      <DataTable id="figures-groups-table" table={table} period={period} />
    </section>
  );
}
