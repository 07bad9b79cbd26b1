import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { submitted } from '../../ui/handlers.js';
import {
  CreateOrganisation,
  type OrganisationRow,
  OrganisationsQuery,
  UpdateOrganisation,
} from './documents.js';

const KINDS = ['NGO', 'CHURCH', 'MUNICIPALITY', 'OTHER'] as const;
type Kind = (typeof KINDS)[number];

interface OrganisationFields {
  name: string;
  kind: Kind;
  email: string;
  phone: string;
  website: string;
}

const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim());

function fieldsOf(row?: OrganisationRow): OrganisationFields {
  return {
    name: row?.name ?? '',
    kind: row?.kind ?? 'NGO',
    email: row?.email ?? '',
    phone: row?.phone ?? '',
    website: row?.website ?? '',
  };
}

/** Who runs shelters: the list, a new organisation, and an edit of one. */
export function Organisations() {
  const t = useT();
  const [result, refetch] = useQuery({ query: OrganisationsQuery });
  const [editing, setEditing] = useState<string>();
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const organisations = result.data?.organisations;
  return (
    <section class="admin-setup" aria-labelledby="organisations-title">
      <h1 id="organisations-title">{t('orgs.title')}</h1>
      {!organisations ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : organisations.length === 0 ? (
        <p class="hint">{t('orgs.none')}</p>
      ) : (
        <ul class="admin-list">
          {organisations.map((row) => (
            <li key={row.id} data-organisation={row.id}>
              {editing === row.id ? (
                <OrganisationForm
                  row={row}
                  onDone={() => {
                    setEditing(undefined);
                    refresh();
                  }}
                />
              ) : (
                <>
                  <p>
                    <strong>{row.name}</strong> · {t(`orgs.kind.${row.kind}`)}
                  </p>
                  {(row.email ?? row.phone ?? row.website) && (
                    <p class="hint">
                      {[row.email, row.phone, row.website].filter(Boolean).join(' · ')}
                    </p>
                  )}
                  <button type="button" onClick={() => setEditing(row.id)}>
                    {t('orgs.edit', { name: row.name })}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <OrganisationForm onDone={refresh} />
    </section>
  );
}

/** A new organisation (no `row`) or an edit of one; the API says what it refuses. */
function OrganisationForm({ row, onDone }: { row?: OrganisationRow; onDone(): void }) {
  const t = useT();
  const create = useAct(CreateOrganisation);
  const update = useAct(UpdateOrganisation);
  const [fields, setFields] = useState(() => fieldsOf(row));
  const [saved, setSaved] = useState<string>();
  const error = row ? update.state.error : create.state.error;
  const pending = create.state.pending || update.state.pending;
  const set = (name: keyof OrganisationFields) => (event: Event) =>
    setFields({ ...fields, [name]: (event.currentTarget as HTMLInputElement).value });
  const titleId = row ? `organisation-${row.id}` : 'organisation-new';
  return (
    <form
      class="admin-form"
      aria-labelledby={titleId}
      onSubmit={submitted(async () => {
        setSaved(undefined);
        const input = {
          name: fields.name.trim(),
          kind: fields.kind,
          email: optional(fields.email),
          phone: optional(fields.phone),
          website: optional(fields.website),
        };
        if (row) {
          const answer = await update.run(() => ({ id: row.id, input }));
          if (answer.data) {
            onDone();
          }
          return;
        }
        const answer = await create.run((requestId) => ({ input: { ...input, requestId } }));
        if (answer.data) {
          setSaved(answer.data.createOrganisation.name);
          setFields(fieldsOf());
          onDone();
        }
      })}
    >
      <h2 id={titleId}>{row ? t('orgs.editTitle', { name: row.name }) : t('orgs.new')}</h2>
      <Field
        label={t('orgs.name')}
        name="name"
        required
        value={fields.name}
        onInput={set('name')}
      />
      <div class="field">
        <label for={`${titleId}-kind`}>{t('orgs.kind')}</label>
        <select id={`${titleId}-kind`} name="kind" value={fields.kind} onChange={set('kind')}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`orgs.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t('orgs.email')}
        name="email"
        type="email"
        value={fields.email}
        onInput={set('email')}
      />
      <Field
        label={t('orgs.phone')}
        name="phone"
        type="tel"
        value={fields.phone}
        onInput={set('phone')}
      />
      <Field
        label={t('orgs.website')}
        name="website"
        type="url"
        value={fields.website}
        onInput={set('website')}
      />
      <ErrorText error={error} />
      {saved && (
        <p class="notice success" role="status">
          {t('orgs.created', { name: saved })}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={pending}>
          {pending ? t('common.working') : row ? t('common.save') : t('orgs.create')}
        </button>
        {row && (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
