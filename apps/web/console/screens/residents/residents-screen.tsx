import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { graphql, type ResultOf } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { type SearchBy, type SearchPlan, searchPlan } from './resident-search.js';

const ListItem = graphql(`
  fragment ResidentListItem on ResidentView @_unmask {
    id
    name
    birthYear
    nationality
    minor
    asylumStatus
    anonymised
    currentShelterId
  }
`);

const ResidentsOf = graphql(
  `
    query ResidentsOf($shelterId: ID!, $first: Int!) {
      residentsOf(shelterId: $shelterId, caseStatus: OPEN, first: $first) {
        ...ResidentListItem
      }
    }
  `,
  [ListItem],
);

const FindResidents = graphql(
  `
    query FindResidents($shelterId: ID!, $name: String!, $birthYearFrom: Int, $birthYearTo: Int) {
      findResidents(
        shelterId: $shelterId
        name: $name
        birthYearFrom: $birthYearFrom
        birthYearTo: $birthYearTo
      ) {
        resident {
          ...ResidentListItem
        }
      }
    }
  `,
  [ListItem],
);

const SearchResidents = graphql(
  `
    query SearchResidents($shelterId: ID!, $comarFolio: String, $document: String) {
      searchResidents(shelterId: $shelterId, comarFolio: $comarFolio, document: $document) {
        ...ResidentListItem
      }
    }
  `,
  [ListItem],
);

type Item = ResultOf<typeof ResidentsOf>['residentsOf'][number];

/** The people staying at a shelter, and a search by name (with birth year), folio or document. */
export function ResidentsScreen({ shelterId }: { shelterId: string }) {
  const t = useT();
  const [by, setBy] = useState<SearchBy>('name');
  const [text, setText] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [plan, setPlan] = useState<SearchPlan>(null);
  return (
    <section aria-labelledby="residents-title" class="residents">
      <h1 id="residents-title">{t('residents.title')}</h1>
      <form
        class="residents-search"
        role="search"
        aria-label={t('residents.search')}
        onSubmit={(event) => {
          event.preventDefault();
          setPlan(searchPlan(by, text, birthYear));
        }}
      >
        <fieldset class="search-by">
          <legend>{t('residents.searchBy')}</legend>
          {(['name', 'folio', 'document'] as const).map((each) => (
            <label key={each}>
              <input
                type="radio"
                name="by"
                value={each}
                checked={by === each}
                onChange={() => setBy(each)}
              />
              {t(`residents.by.${each}`)}
            </label>
          ))}
        </fieldset>
        <Field
          label={t(`residents.by.${by}`)}
          name="query"
          value={text}
          autoComplete="off"
          onInput={(event) => setText(event.currentTarget.value)}
        />
        {by === 'name' && (
          <Field
            label={t('residents.birthYear')}
            name="birthYear"
            inputMode="numeric"
            value={birthYear}
            onInput={(event) => setBirthYear(event.currentTarget.value)}
          />
        )}
        <div class="actions">
          <button type="submit" class="primary">
            {t('residents.search')}
          </button>
          {plan && (
            <button
              type="button"
              onClick={() => {
                setText('');
                setBirthYear('');
                setPlan(null);
              }}
            >
              {t('residents.showAll')}
            </button>
          )}
        </div>
      </form>
      {plan ? (
        <SearchResults shelterId={shelterId} plan={plan} />
      ) : (
        <AllResidents shelterId={shelterId} />
      )}
    </section>
  );
}

/** A page of the list, and the most the API gives in one (residentsOf's `first`, at most 500). */
const PAGE = 100;
const MOST = 500;

/**
 * The open cases, newest first, a page at a time: "more" asks for a longer list, up to the
 * API's most; beyond it the search finds anyone (the list says so rather than stop silently).
 */
function AllResidents({ shelterId }: { shelterId: string }) {
  const t = useT();
  const [first, setFirst] = useState(PAGE);
  const [result] = useQuery({ query: ResidentsOf, variables: { shelterId, first } });
  const items = result.data?.residentsOf;
  const full = items !== undefined && items.length >= first;
  return (
    <>
      <Results fetching={result.fetching} error={result.error} items={items} />
      {full &&
        (first < MOST ? (
          <button type="button" class="more" onClick={() => setFirst(first + PAGE)}>
            {t('residents.more')}
          </button>
        ) : (
          <p class="hint">{t('residents.capped', { n: MOST })}</p>
        ))}
    </>
  );
}

function SearchResults({ shelterId, plan }: { shelterId: string; plan: NonNullable<SearchPlan> }) {
  const { query: _query, ...variables } = plan;
  const byName = plan.query === 'findResidents';
  const [found] = useQuery({
    query: FindResidents,
    variables: { shelterId, ...(variables as { name: string }) },
    pause: !byName,
  });
  const [exact] = useQuery({
    query: SearchResidents,
    variables: { shelterId, ...variables },
    pause: byName,
  });
  const result = byName ? found : exact;
  const items = byName
    ? found.data?.findResidents.map((match) => match.resident)
    : exact.data?.searchResidents;
  return <Results fetching={result.fetching} error={result.error} items={items} searched />;
}

function Results({
  fetching,
  error,
  items,
  searched = false,
}: {
  fetching: boolean;
  error: Parameters<typeof actError>[0];
  items: Item[] | undefined;
  searched?: boolean;
}) {
  const t = useT();
  const { router } = useConsole();
  if (!items) {
    return error ? <ErrorText error={actError(error)} /> : <p>{t('app.loading')}</p>;
  }
  return (
    <div class="residents-results" aria-busy={fetching}>
      <p role="status">
        {items.length === 0
          ? t(searched ? 'residents.noMatch' : 'residents.empty')
          : t('residents.count', { n: items.length })}
      </p>
      <ul class="cards resident-list">
        {items.map((item) => (
          <li key={item.id}>
            <a
              class="card-link"
              href={router.href(`/shelters/${item.currentShelterId}/residents/${item.id}`)}
            >
              <strong>{item.name ?? t('residents.unnamed')}</strong>
              <span>
                {[
                  item.birthYear && t('residents.born', { year: item.birthYear }),
                  item.minor && t('residents.minor'),
                  t(`residents.status.${item.asylumStatus}`),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
