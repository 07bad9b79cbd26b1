import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { useClock, useConsole, useT } from '../../core/context.js';
import { type ActError, actError } from '../../graphql/errors.js';
import { graphql, type ResultOf } from '../../graphql/graphql.js';
import { downloadCsv } from '../../ui/csv.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { submitted } from '../../ui/handlers.js';
import { SelectField } from '../users/select-field.js';
import { AdminShelterNames, AdminUsers } from '../users/user-documents.js';
import {
  type AuditFilter,
  auditVariables,
  csvFileName,
  filterProblem,
  mayHaveMore,
  NO_FILTER,
  type Outcome,
  OUTCOMES,
  PAGE,
} from './audit-filter.js';

const AuditLog = graphql(`
  query AuditLog(
    $first: Int!
    $actorId: ID
    $action: String
    $outcome: AuditOutcome
    $shelterId: ID
    $targetId: ID
    $since: DateTime
    $until: DateTime
  ) {
    auditLog(
      first: $first
      actorId: $actorId
      action: $action
      outcome: $outcome
      shelterId: $shelterId
      targetId: $targetId
      since: $since
      until: $until
    ) {
      id
      at
      actorId
      action
      outcome
      targetType
      targetId
      shelterId
      detail
      ip
    }
  }
`);

const AuditLogCsv = graphql(`
  query AuditLogCsv(
    $first: Int!
    $actorId: ID
    $action: String
    $outcome: AuditOutcome
    $shelterId: ID
    $targetId: ID
    $since: DateTime
    $until: DateTime
  ) {
    auditLogCsv(
      first: $first
      actorId: $actorId
      action: $action
      outcome: $outcome
      shelterId: $shelterId
      targetId: $targetId
      since: $since
      until: $until
    )
  }
`);

type Entry = ResultOf<typeof AuditLog>['auditLog'][number];

/**
 * The audit log, newest first, filtered; `more` asks for a bigger page, and the CSV export is
 * exactly the rows the same filter gives. People and shelters by name where the admin's lists
 * know them, by id otherwise (a deleted shelter, an id that is not a person).
 */
export function AuditScreen({
  actorId = '',
  targetId = '',
}: {
  actorId?: string;
  targetId?: string;
}) {
  return <Audit start={{ ...NO_FILTER, actorId, targetId }} />;
}

function Audit({ start }: { start: AuditFilter }) {
  const t = useT();
  const clock = useClock();
  const { client } = useConsole();
  const [draft, setDraft] = useState<AuditFilter>(start);
  const [applied, setApplied] = useState<AuditFilter>(start);
  const [first, setFirst] = useState(PAGE);
  const variables = auditVariables(applied, clock.timeZone, first);
  const [result] = useQuery({ query: AuditLog, variables, requestPolicy: 'network-only' });
  const [users] = useQuery({ query: AdminUsers });
  const [shelters] = useQuery({ query: AdminShelterNames });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ActError | undefined>(undefined);
  const people = new Map((users.data?.users ?? []).map((user) => [user.id, user.displayName]));
  const places = new Map((shelters.data?.shelters ?? []).map((each) => [each.id, each.name]));
  const problem = filterProblem(draft);
  const change = (key: keyof AuditFilter) => (value: string) =>
    setDraft({ ...draft, [key]: value });

  const download = async () => {
    setExporting(true);
    setExportError(undefined);
    const answer = await client
      .query(AuditLogCsv, variables, { requestPolicy: 'network-only' })
      .toPromise();
    setExporting(false);
    const csv = answer.data?.auditLogCsv;
    if (csv === undefined) {
      setExportError(actError(answer.error) ?? { code: 'NETWORK', message: '' });
      return;
    }
    downloadCsv(csvFileName(clock.timeZone, new Date()), csv);
  };

  const rows = result.data?.auditLog;
  return (
    <section aria-labelledby="audit-title" class="audit">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <form
        class="audit-filter"
        aria-label={t('audit.filters')}
        onSubmit={submitted(async () => {
          if (!problem) {
            setApplied(draft);
            setFirst(PAGE);
          }
        })}
      >
        <SelectField
          label={t('audit.actor')}
          name="actorId"
          value={draft.actorId}
          onValue={change('actorId')}
        >
          <option value="">{t('audit.any')}</option>
          {draft.actorId && !people.has(draft.actorId) && (
            <option value={draft.actorId}>{draft.actorId}</option>
          )}
          {(users.data?.users ?? []).map((user) => (
            <option key={user.id} value={user.id}>
              {`${user.displayName} (${user.email})`}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('audit.action')}
          hint={t('audit.action.hint')}
          name="action"
          value={draft.action}
          onInput={(event) => change('action')(event.currentTarget.value)}
        />
        <SelectField
          label={t('audit.outcome')}
          name="outcome"
          value={draft.outcome}
          onValue={change('outcome')}
        >
          <option value="">{t('audit.any')}</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`audit.outcome.${outcome}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('audit.shelter')}
          name="shelterId"
          value={draft.shelterId}
          onValue={change('shelterId')}
        >
          <option value="">{t('audit.any')}</option>
          {(shelters.data?.shelters ?? []).map((shelter) => (
            <option key={shelter.id} value={shelter.id}>
              {shelter.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('audit.target')}
          hint={t('audit.target.hint')}
          name="targetId"
          maxLength={100}
          value={draft.targetId}
          onInput={(event) => change('targetId')(event.currentTarget.value)}
        />
        <Field
          label={t('audit.since')}
          name="since"
          type="date"
          value={draft.since}
          onInput={(event) => change('since')(event.currentTarget.value)}
        />
        <Field
          label={t('audit.until')}
          name="until"
          type="date"
          value={draft.until}
          onInput={(event) => change('until')(event.currentTarget.value)}
        />
        <p class="hint">{t('audit.zone', { zone: clock.timeZone })}</p>
        {problem && (
          <p class="notice error" role="alert">
            {t('audit.untilBeforeSince')}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={!!problem}>
            {t('audit.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(NO_FILTER);
              setApplied(NO_FILTER);
              setFirst(PAGE);
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>
      <div class="actions no-print">
        <button
          type="button"
          class="audit-export"
          disabled={exporting}
          onClick={() => void download()}
        >
          {exporting ? t('common.working') : t('audit.export')}
        </button>
      </div>
      <ErrorText error={exportError} />
      {!rows ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : (
        <>
          <p class="hint audit-count" role="status">
            {t('audit.count', { n: rows.length })}
          </p>
          <ol class="audit-rows" aria-label={t('audit.title')}>
            {rows.map((row) => (
              <AuditRow key={row.id} row={row} people={people} places={places} />
            ))}
          </ol>
          {mayHaveMore(rows.length, first) && (
            <button
              type="button"
              class="audit-more"
              disabled={result.fetching}
              onClick={() => setFirst(first + PAGE)}
            >
              {result.fetching ? t('app.loading') : t('audit.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function AuditRow({
  row,
  people,
  places,
}: {
  row: Entry;
  people: Map<string, string>;
  places: Map<string, string>;
}) {
  const t = useT();
  const clock = useClock();
  const when = new Intl.DateTimeFormat(clock.locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: clock.timeZone,
  }).format(new Date(row.at));
  const named = (id: string | null | undefined, names: Map<string, string>) =>
    id ? (names.get(id) ?? id) : null;
  const target = row.targetId
    ? (people.get(row.targetId) ?? places.get(row.targetId) ?? row.targetId)
    : null;
  return (
    <li class={`audit-row outcome-${row.outcome.toLowerCase()}`} data-audit-id={row.id}>
      <p class="audit-head">
        <time dateTime={row.at}>{when}</time> · <code class="audit-action">{row.action}</code> ·{' '}
        <strong class="audit-outcome">{t(`audit.outcome.${row.outcome as Outcome}`)}</strong>
      </p>
      <dl>
        <dt>{t('audit.actor')}</dt>
        <dd class="audit-actor">{named(row.actorId, people) ?? t('audit.anonymous')}</dd>
        {target && (
          <>
            <dt>{t('audit.target')}</dt>
            <dd class="audit-target">{row.targetType ? `${row.targetType}: ${target}` : target}</dd>
          </>
        )}
        {row.shelterId && (
          <>
            <dt>{t('audit.shelter')}</dt>
            <dd class="audit-shelter">{named(row.shelterId, places)}</dd>
          </>
        )}
        {row.detail && (
          <>
            <dt>{t('audit.detail')}</dt>
            <dd class="audit-detail">{row.detail}</dd>
          </>
        )}
        {row.ip && (
          <>
            <dt>{t('audit.ip')}</dt>
            <dd class="audit-ip">{row.ip}</dd>
          </>
        )}
      </dl>
    </li>
  );
}
