import { useQuery } from '@urql/preact';
import { useMemo, useState } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import { localDay } from '../../core/format.js';
import { type ActError, actError } from '../../graphql/errors.js';
import { csvFilename, downloadCsv } from '../../ui/csv.js';
import { DataTable } from '../../ui/data-table.js';
import { ErrorText } from '../../ui/error-text.js';
import { clicked } from '../../ui/handlers.js';
import { useChosen } from '../figures/chosen.js';
import { useScopeNames } from '../figures/figures-screen.js';
import { ScopeForm } from '../figures/scope-form.js';
import { rangeProblem, type Scope } from '../figures/scope.js';
import {
  type ReferralFiguresRead,
  ReferralFiguresCsvQuery,
  ReferralFiguresQuery,
} from './documents.js';
import { ReferralPlot } from './referral-plot.js';
import {
  countTable,
  countWords,
  DIMENSIONS,
  noShowWords,
  plotBars,
  timesTable,
} from './referral-tables.js';

/** referralFigures reads a year and a day at most, for a shelter and the network alike. */
export const REFERRAL_MAX_DAYS_AFTER = 366;

function referralRange(scope: Scope, from: string, to: string) {
  const problem = rangeProblem(scope, from, to, REFERRAL_MAX_DAYS_AFTER);
  return problem === 'figures.range.tooLong' ? 'healthFigures.range.tooLong' : problem;
}

/** The network's referral figures (network roles): the whole network, or one shelter's. */
export function NetworkReferralFigures() {
  return <ReferralFiguresScreen fixed={null} />;
}

/** One shelter's referral figures, for its health workers and coordinator. */
export function ShelterReferralFigures({ shelterId }: { shelterId: string }) {
  return <ReferralFiguresScreen fixed={{ kind: 'shelter', id: shelterId }} />;
}

/**
 * Figures for health teams (issue 20, item 8): a period (days in TIME_ZONE) and, for network
 * roles, the network or one shelter; then the API's figures, pooled and rounded by it, as tables,
 * one plot, and the API's CSV. The period and scope are read from and kept in the address as the
 * network's figures keep them (figures/chosen.ts).
 */
function ReferralFiguresScreen({ fixed }: { fixed: Scope | null }) {
  const t = useT();
  const { timeZone, session } = useConsole();
  const [chosen, choose] = useChosen(timeZone, fixed);
  // referralFigures has no borough: a borough in the address reads as the whole network.
  const scope: Scope = chosen.scope.kind === 'borough' ? { kind: 'network' } : chosen.scope;
  // A shelter's own team have its name in their memberships; a network role reads the list.
  const own = fixed !== null && !session.me.value?.networkRole;
  const { shelters, scopeName } = useScopeNames(scope, own);
  return (
    <section class="figures-screen referral-figures" aria-labelledby="referral-figures-title">
      <h1 id="referral-figures-title">{t('healthFigures.title')}</h1>
      <p class="hint">{t('healthFigures.intro')}</p>
      <ScopeForm
        key={`${chosen.from}/${chosen.to}`}
        chosen={{ ...chosen, scope }}
        shelters={fixed ? null : shelters}
        boroughs={false}
        problemOf={referralRange}
        onChoose={choose}
      />
      <h2 class="figures-scope">
        {t('figures.heading', { scope: scopeName, from: chosen.from, to: chosen.to })}
      </h2>
      <ReferralFiguresBody
        shelterId={scope.kind === 'shelter' ? scope.id : null}
        scopeName={scopeName}
        from={chosen.from}
        to={chosen.to}
      />
    </section>
  );
}

function ReferralFiguresBody({
  shelterId,
  scopeName,
  from,
  to,
}: {
  shelterId: string | null;
  scopeName: string;
  from: string;
  to: string;
}) {
  const t = useT();
  const variables = { from, to, shelterId, serviceId: null };
  const [result] = useQuery({
    query: ReferralFiguresQuery,
    variables,
    requestPolicy: 'cache-and-network',
  });
  const figures = result.data?.referralFigures;
  if (!figures) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  return <Figures figures={figures} scopeName={scopeName} variables={variables} />;
}

function Figures({
  figures,
  scopeName,
  variables,
}: {
  figures: ReferralFiguresRead;
  scopeName: string;
  variables: { from: string; to: string; shelterId: string | null; serviceId: null };
}) {
  const t = useT();
  const { client, timeZone, language } = useConsole();
  const period = { from: variables.from, to: variables.to };
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ActError | undefined>(undefined);
  const tables = useMemo(
    () =>
      DIMENSIONS.map(([dimension, title, heading]) => ({
        dimension,
        table: countTable(
          t,
          dimension,
          t('figures.caption', { what: t(title), scope: scopeName }),
          t(heading),
          figures[dimension],
        ),
      })),
    [figures, t, scopeName],
  );
  const times = useMemo(
    () =>
      timesTable(
        t,
        t('figures.caption', { what: t('healthFigures.times'), scope: scopeName }),
        figures,
      ),
    [figures, t, scopeName],
  );
  const bars = useMemo(() => plotBars(t, 'byOutcome', figures.byOutcome), [figures, t]);
  const exportCsv = async () => {
    setExporting(true);
    setExportError(undefined);
    const answer = await client
      .query(ReferralFiguresCsvQuery, variables, { requestPolicy: 'network-only' })
      .toPromise();
    setExporting(false);
    const csv = answer.data?.referralFiguresCsv;
    if (csv === undefined) {
      setExportError(actError(answer.error) ?? { code: 'NETWORK', message: '' });
      return;
    }
    downloadCsv(
      csvFilename(
        t('healthFigures.csvName', { scope: scopeName }),
        variables.from,
        variables.to,
        localDay(timeZone, new Date()),
      ),
      csv,
    );
  };
  return (
    <>
      <p class="hint" id="referral-figures-note">
        {t('healthFigures.note')}
      </p>
      <p class="referral-total" data-suppressed={String(figures.total.suppressed)}>
        {t('healthFigures.total')} <strong>{countWords(t, figures.total)}</strong>
      </p>
      <p class="referral-no-show" data-suppressed={String(figures.noShowRate.suppressed)}>
        {t('healthFigures.noShow')}{' '}
        <strong>{noShowWords(t, figures.noShowRate, language.value.locale)}</strong>
      </p>
      <p class="no-print">
        <button
          type="button"
          class="secondary referral-csv"
          disabled={exporting}
          onClick={clicked(exportCsv)}
        >
          {exporting ? t('common.working') : t('healthFigures.csv')}
        </button>
      </p>
      <ErrorText error={exportError} />
      <section class="figure" aria-labelledby="referral-plot-title" data-plot="byOutcome">
        <h3 id="referral-plot-title">
          {t('figures.caption', { what: t('healthFigures.byOutcome'), scope: scopeName })}
        </h3>
        {bars.values.length === 0 ? (
          <p class="hint">{t('healthFigures.nothingToPlot')}</p>
        ) : (
          <ReferralPlot
            labels={bars.labels}
            values={bars.values}
            series={t('healthFigures.col.referrals')}
          />
        )}
      </section>
      {tables.map(({ dimension, table }) => (
        <DataTable key={dimension} id={`referrals-${dimension}`} table={table} period={period} />
      ))}
      <DataTable id="referrals-times" table={times} period={period} />
    </>
  );
}
