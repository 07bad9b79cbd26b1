import { boroughByCode } from '@albergue/contracts';
import { useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import { useChosen } from './chosen.js';
import { FiguresBody } from './figures-body.js';
import { ShelterNamesQuery } from './figures-query.js';
import { ScopeForm } from './scope-form.js';
import type { Scope } from './scope.js';

/** The network's figures (network roles): a period and a scope, then the API's figures. */
export function NetworkFigures() {
  return <FiguresScreen fixed={null} />;
}

/** A shelter's own figures, for its coordinator (dailyFigures lets them read their own). */
export function ShelterFigures({ shelterId }: { shelterId: string }) {
  return <FiguresScreen fixed={{ kind: 'shelter', id: shelterId }} />;
}

function FiguresScreen({ fixed }: { fixed: Scope | null }) {
  const t = useT();
  const { timeZone } = useConsole();
  const [chosen, choose] = useChosen(timeZone, fixed);
  const { shelters, names, scopeName } = useScopeNames(chosen.scope, fixed !== null);
  return (
    <section class="figures-screen" aria-labelledby="figures-title">
      <h1 id="figures-title">{t('figures.title')}</h1>
      <ScopeForm
        key={`${chosen.from}/${chosen.to}`}
        chosen={chosen}
        shelters={fixed ? null : shelters}
        onChoose={choose}
      />
      <h2 class="figures-scope">
        {t('figures.heading', { scope: scopeName, from: chosen.from, to: chosen.to })}
      </h2>
      <FiguresBody
        scope={chosen.scope}
        scopeName={scopeName}
        from={chosen.from}
        to={chosen.to}
        shelterNames={names}
      />
    </section>
  );
}

/**
 * The shelters' names (to choose one and to name rows), and the chosen scope's name. A shelter's
 * own coordinator has it in their memberships; network roles read the shelters' list.
 */
export function useScopeNames(scope: Scope, own: boolean) {
  const t = useT();
  const me = useConsole().session.me.value;
  const [result] = useQuery({ query: ShelterNamesQuery, pause: own });
  const shelters = useMemo(
    () => [...(result.data?.shelters ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [result.data],
  );
  const names = useMemo(() => {
    const map = new Map(shelters.map((shelter) => [shelter.id, shelter.name]));
    for (const membership of me?.memberships ?? []) {
      map.set(membership.shelterId, membership.shelterName);
    }
    return map;
  }, [shelters, me]);
  const scopeName =
    scope.kind === 'network'
      ? t('figures.network')
      : scope.kind === 'borough'
        ? (boroughByCode(scope.code)?.name ?? scope.code)
        : (names.get(scope.id) ?? t('figures.unnamedShelter'));
  return { shelters, names, scopeName, boroughOf: result.data?.shelters };
}
