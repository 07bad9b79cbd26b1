import { useQuery } from '@urql/preact';
import { useConsole, useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { ShelterFiguresQuery } from '../shelters/shelter-figures.js';
import { RegisterForm } from './register-form.js';
import { TurnawayForm } from './turnaway-form.js';

/** The roles whose work the gate is: the API lets no other register, check in or turn away. */
export const GATE_ROLES = ['VOLUNTEER', 'COORDINATOR'] as const;

/**
 * The gate: a newcomer or a household registered and checked in as one act, and a turnaway in
 * three taps. Other roles see the shelter's name and that the gate is not theirs, no controls.
 */
export function Gate({ shelterId }: { shelterId: string }) {
  const t = useT();
  const { session } = useConsole();
  const role = session.me.value?.memberships.find((each) => each.shelterId === shelterId)?.role;
  const allowed = (GATE_ROLES as readonly string[]).includes(role ?? '');
  const [result] = useQuery({
    query: ShelterFiguresQuery,
    variables: { id: shelterId },
    pause: !allowed,
  });
  if (!allowed) {
    return (
      <section class="gate" aria-labelledby="gate-title">
        <h1 id="gate-title">{t('gate.title')}</h1>
        <p class="notice warning" role="status">
          {t('gate.notYours')}
        </p>
      </section>
    );
  }
  const shelter = result.data?.shelter;
  if (!shelter) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  return (
    <section class="gate" aria-labelledby="gate-title">
      <h1 id="gate-title">
        {t('gate.title')} <span class="hint">· {shelter.name}</span>
      </h1>
      <RegisterForm
        shelterId={shelterId}
        bedsMode={shelter.trackingMode === 'BEDS'}
        populations={shelter.populations}
      />
      <TurnawayForm
        shelterId={shelterId}
        populations={shelter.populations}
        coordinator={role === 'COORDINATOR'}
      />
    </section>
  );
}
