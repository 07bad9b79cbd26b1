import type { ConsoleKey } from '@albergue/i18n';
import { useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { DataTable } from '../../ui/data-table.js';
import { ErrorText } from '../../ui/error-text.js';
import { regionName } from '../gate/names.js';
import { ASYLUM_STATUSES, CASE_STATUSES } from '../residents/statuses.js';
import { aggregateTable, countText, POPULATIONS } from './figure-tables.js';
import { AggregatesQuery } from './figures-query.js';
import type { Scope } from './scope.js';

const DIMENSIONS = [
  ['byPopulation', 'figures.agg.byPopulation', 'figures.agg.population'],
  ['byNationality', 'figures.agg.byNationality', 'figures.agg.nationality'],
  ['byCaseStatus', 'figures.agg.byCaseStatus', 'figures.agg.caseStatus'],
  ['byAsylumStatus', 'figures.agg.byAsylumStatus', 'figures.agg.asylumStatus'],
] as const satisfies readonly (readonly [string, ConsoleKey, ConsoleKey])[];

/**
 * residentAggregates (the network's, or a shelter's) as tables, with the API's suppression as it
 * marks it: a hidden count says it is hidden, and why. The API has no borough's aggregates: a
 * borough's scope says so rather than adding shelters' counts up here.
 */
export function AggregatesSection({
  scope,
  scopeName,
  period,
}: {
  scope: Scope;
  scopeName: string;
  period: { from: string; to: string };
}) {
  const t = useT();
  const { language } = useConsole();
  const [result] = useQuery({
    query: AggregatesQuery,
    variables: { shelterId: scope.kind === 'shelter' ? scope.id : null },
    pause: scope.kind === 'borough',
  });
  const aggregates = result.data?.residentAggregates;
  const locale = language.value.locale;
  const tables = useMemo(
    () =>
      aggregates
        ? DIMENSIONS.map(([field, title, heading]) => ({
            field,
            table: aggregateTable(
              t,
              t('figures.caption', { what: t(title), scope: scopeName }),
              t(heading),
              aggregates[field],
              (key) => nameOf(t, locale, field, key),
            ),
          }))
        : [],
    [aggregates, t, scopeName, locale],
  );
  return (
    <section class="figure aggregates" aria-labelledby="aggregates-title">
      <h3 id="aggregates-title">{t('figures.agg.title')}</h3>
      <p class="hint" id="aggregates-note">
        {t('figures.agg.note')}
      </p>
      {scope.kind === 'borough' && <p class="notice">{t('figures.agg.noBorough')}</p>}
      {result.error && <ErrorText error={actError(result.error)} />}
      {aggregates && (
        <>
          <p class="aggregates-total" data-suppressed={String(aggregates.total.suppressed)}>
            {t('figures.agg.total')} <strong>{countText(t, aggregates.total)}</strong>
          </p>
          {tables.map(({ field, table }) => (
            <DataTable key={field} id={`aggregates-${field}`} table={table} period={period} />
          ))}
        </>
      )}
    </section>
  );
}

/**
 * A cell's key in the reader's words (the schema's names: OPEN, NOT_STARTED, MEN; nationalities
 * as ISO codes); a key the console has no words for is shown as it came.
 */
function nameOf(
  t: (key: ConsoleKey) => string,
  locale: string,
  field: (typeof DIMENSIONS)[number][0],
  key: string,
): string {
  const known = (list: readonly string[], prefix: string) =>
    list.includes(key) ? t(`${prefix}${key}` as ConsoleKey) : key;
  switch (field) {
    case 'byPopulation':
      return known(POPULATIONS, 'group.');
    case 'byNationality':
      return key === 'XX' ? t('gate.nationalityUnknown') : regionName(locale, key);
    case 'byCaseStatus':
      return known(CASE_STATUSES, 'residents.case.');
    case 'byAsylumStatus':
      return known(ASYLUM_STATUSES, 'residents.status.');
  }
}
