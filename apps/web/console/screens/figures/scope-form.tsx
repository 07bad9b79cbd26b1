import { BOROUGHS } from '@albergue/contracts';
import type { ConsoleKey } from '@albergue/i18n';
import { useId, useState } from 'preact/hooks';
import { useT } from '../../core/context.js';
import { Field } from '../../ui/field.js';
import { parseScope, rangeProblem, type Scope, scopeValue } from './scope.js';

export interface Chosen {
  scope: Scope;
  from: string;
  to: string;
}

/**
 * The period (days in TIME_ZONE, as the API reads them) and, for network roles, the scope: the
 * network, a borough or a shelter. The figures change when the form is sent, not on each key.
 */
export function ScopeForm({
  chosen,
  shelters,
  boroughs = true,
  problemOf = rangeProblem,
  onChoose,
}: {
  chosen: Chosen;
  /** Null: the scope is fixed (a shelter's own figures). */
  shelters: readonly { id: string; name: string }[] | null;
  /** False: figures the API gives per shelter or for the network only (no borough to offer). */
  boroughs?: boolean;
  /** What the API would refuse of a range, said before asking it (by default networkFigures'). */
  problemOf?: (scope: Scope, from: string, to: string) => ConsoleKey | null;
  onChoose(chosen: Chosen): void;
}) {
  const t = useT();
  const id = useId();
  const [from, setFrom] = useState(chosen.from);
  const [to, setTo] = useState(chosen.to);
  const [scope, setScope] = useState(scopeValue(chosen.scope));
  const problem = problemOf(parseScope(scope), from, to);
  return (
    <form
      class="figures-form no-print"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) {
          onChoose({ scope: parseScope(scope), from, to });
        }
      }}
    >
      <Field
        label={t('figures.from')}
        type="date"
        name="from"
        value={from}
        onInput={(event) => setFrom(event.currentTarget.value)}
      />
      <Field
        label={t('figures.to')}
        type="date"
        name="to"
        value={to}
        onInput={(event) => setTo(event.currentTarget.value)}
      />
      {shelters && (
        <div class="field">
          <label for={`${id}-scope`}>{t('figures.scope')}</label>
          <select
            id={`${id}-scope`}
            name="scope"
            value={scope}
            onChange={(event) => setScope(event.currentTarget.value)}
          >
            <option value="network">{t('figures.network')}</option>
            {boroughs && (
              <optgroup label={t('figures.boroughs')}>
                {BOROUGHS.map((borough) => (
                  <option key={borough.code} value={`borough:${borough.code}`}>
                    {borough.name}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t('figures.shelters')}>
              {shelters.map((shelter) => (
                <option key={shelter.id} value={`shelter:${shelter.id}`}>
                  {shelter.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
      )}
      {problem && (
        <p class="notice warning" role="status">
          {t(problem)}
        </p>
      )}
      <button type="submit" class="primary" disabled={Boolean(problem)}>
        {t('figures.show')}
      </button>
    </form>
  );
}
