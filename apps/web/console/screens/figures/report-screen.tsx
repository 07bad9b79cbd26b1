import { useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { useClock, useConsole, useT } from '../../core/context.js';
import { dayAndTime, localDay } from '../../core/format.js';
import { actError } from '../../graphql/errors.js';
import { DataTable } from '../../ui/data-table.js';
import { ErrorText } from '../../ui/error-text.js';
import type { TableData } from '../../ui/table-data.js';
import { useChosen } from './chosen.js';
import { FiguresBody } from './figures-body.js';
import { ProblemReportsQuery } from './figures-query.js';
import { ScopeForm } from './scope-form.js';
import { daysBetween, type Scope } from './scope.js';
import { useScopeNames } from './figures-screen.js';

/** The API keeps the finder's problem reports this many days (its MAX_REPORT_DAYS), then deletes them. */
const PROBLEMS_KEPT_DAYS = 90;

export function NetworkReport() {
  return <ReportScreen fixed={null} />;
}

export function ShelterReport({ shelterId }: { shelterId: string }) {
  return <ReportScreen fixed={{ kind: 'shelter', id: shelterId }} />;
}

/**
 * What funders and authorities ask for, for a period and a scope: the figures (plots and their
 * tables, open), the finder's problem reports, residents' aggregates; printable (console.css's
 * print rules: no nav, no buttons, tables whole, this heading on top) and each table as CSV.
 */
function ReportScreen({ fixed }: { fixed: Scope | null }) {
  const t = useT();
  const clock = useClock();
  const { timeZone } = useConsole();
  const [chosen, choose] = useChosen(timeZone, fixed);
  const { shelters, names, scopeName, boroughOf } = useScopeNames(chosen.scope, fixed !== null);
  // When the report was made: on screen and on paper, in TIME_ZONE's wall clock.
  const made = useMemo(() => dayAndTime(clock, new Date().toISOString()), [chosen, clock.locale]);
  const inBorough = useMemo(
    () =>
      chosen.scope.kind === 'borough'
        ? new Set(
            (boroughOf ?? [])
              .filter(
                (shelter) =>
                  chosen.scope.kind === 'borough' &&
                  shelter.address.boroughCode === chosen.scope.code,
              )
              .map((shelter) => shelter.id),
          )
        : null,
    [boroughOf, chosen.scope],
  );
  return (
    <article class="report" aria-labelledby="report-title">
      <header class="report-head">
        <h1 id="report-title">{t('reports.title', { scope: scopeName })}</h1>
        <h2 class="report-period">
          {t('reports.period', { from: chosen.from, to: chosen.to, timeZone })}
        </h2>
        <p class="report-made">{t('reports.made', { when: made })}</p>
      </header>
      <ScopeForm
        key={`${chosen.from}/${chosen.to}`}
        chosen={chosen}
        shelters={fixed ? null : shelters}
        onChoose={choose}
      />
      <button type="button" class="no-print print" onClick={() => print()}>
        {t('reports.print')}
      </button>
      <FiguresBody
        scope={chosen.scope}
        scopeName={scopeName}
        from={chosen.from}
        to={chosen.to}
        shelterNames={names}
        tablesOpen
      />
      <ProblemReportsSection
        scope={chosen.scope}
        scopeName={scopeName}
        from={chosen.from}
        to={chosen.to}
        names={names}
        inBorough={inBorough}
      />
    </article>
  );
}

/**
 * The finder's problem reports of exactly the period (problemReports' `from` and `to`), by shelter,
 * day and reason, as the API gives them: a borough's keeps its shelters' rows, none are added up.
 */
function ProblemReportsSection({
  scope,
  scopeName,
  from,
  to,
  names,
  inBorough,
}: {
  scope: Scope;
  scopeName: string;
  from: string;
  to: string;
  names: ReadonlyMap<string, string>;
  inBorough: ReadonlySet<string> | null;
}) {
  const t = useT();
  const { timeZone } = useConsole();
  // Reports older than the API keeps are gone: a period starting earlier may miss some.
  const older = daysBetween(from, localDay(timeZone, new Date())) >= PROBLEMS_KEPT_DAYS;
  const [result] = useQuery({
    query: ProblemReportsQuery,
    variables: { shelterId: scope.kind === 'shelter' ? scope.id : null, from, to },
  });
  const period = useMemo(() => ({ from, to }), [from, to]);
  const table = useMemo((): TableData | null => {
    const reports = result.data?.problemReports;
    if (!reports) {
      return null;
    }
    return {
      caption: t('figures.caption', { what: t('reports.problems'), scope: scopeName }),
      columns: [t('figures.shelter'), t('figures.day'), t('reports.reason'), t('reports.count')],
      rows: reports
        .filter((shelter) => !inBorough || inBorough.has(shelter.shelterId))
        .flatMap((shelter) =>
          shelter.days.map((day) => ({
            key: `${shelter.shelterId}/${day.day}/${day.reason}`,
            head: names.get(shelter.shelterId) ?? t('figures.unnamedShelter'),
            cells: [day.day, t(`reports.reason.${day.reason}`), day.count],
          })),
        ),
    };
  }, [result.data, t, scopeName, names, inBorough]);
  return (
    <section class="figure" aria-labelledby="problems-title">
      <h3 id="problems-title">{t('reports.problems')}</h3>
      {older && <p class="hint">{t('reports.problemsKept', { n: PROBLEMS_KEPT_DAYS })}</p>}
      {result.error && <ErrorText error={actError(result.error)} />}
      {table && table.rows.length === 0 && <p class="notice">{t('reports.noProblems')}</p>}
      {table && table.rows.length > 0 && (
        <DataTable id="problems-table" table={table} period={period} />
      )}
    </section>
  );
}
