import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import type { ActError } from '../../graphql/errors.js';
import { graphql } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { submitted } from '../../ui/handlers.js';

const Enrol = graphql(`
  mutation EnrolSecondFactor {
    enrolSecondFactor {
      secret
      uri
    }
  }
`);

const ConfirmEnrolment = graphql(`
  mutation ConfirmEnrolment($input: SecondFactorCodeInput!) {
    confirmEnrolment(input: $input)
  }
`);

/** The second step the session owes: a code (REQUIRED), or an enrolment first (ENROL). */
export function SecondFactor() {
  const { session } = useConsole();
  return session.me.value?.secondFactor === 'ENROL' ? <Enrolment /> : <CodeForm />;
}

function CodeForm() {
  const t = useT();
  const { session } = useConsole();
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [error, setError] = useState<ActError>();
  const submit = submitted(async () => {
    setError(await session.verify(recoveryCode ? { recoveryCode } : { code }));
    setCode('');
    setRecoveryCode('');
  });
  return (
    <section class="sign-in" aria-labelledby="second-factor-title">
      <h1 id="second-factor-title">{t('secondFactor.title')}</h1>
      <form onSubmit={submit}>
        <Field
          label={t('secondFactor.code')}
          name="code"
          inputMode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9]{6}"
          value={code}
          onInput={(event) => setCode(event.currentTarget.value)}
        />
        <Field
          label={t('secondFactor.recovery')}
          name="recoveryCode"
          autocomplete="off"
          value={recoveryCode}
          onInput={(event) => setRecoveryCode(event.currentTarget.value)}
        />
        {error && (
          <p class="notice error" role="alert">
            {t('secondFactor.failed')}
          </p>
        )}
        <button type="submit" class="primary">
          {t('secondFactor.submit')}
        </button>
      </form>
    </section>
  );
}

/** A new secret to type into an authenticator app, its first code, then the recovery codes once. */
function Enrolment() {
  const t = useT();
  const { session } = useConsole();
  const enrol = useAct(Enrol);
  const confirm = useAct(ConfirmEnrolment);
  const [code, setCode] = useState('');
  const recoveryCodes = confirm.state.data?.confirmEnrolment;
  if (recoveryCodes) {
    return (
      <section class="sign-in" aria-labelledby="enrol-title">
        <h1 id="enrol-title">{t('secondFactor.enrolTitle')}</h1>
        <p>{t('secondFactor.recoveryCodes')}</p>
        <ol class="codes">
          {recoveryCodes.map((each) => (
            <li key={each}>
              <code>{each}</code>
            </li>
          ))}
        </ol>
        <button type="button" class="primary" onClick={() => void session.refresh()}>
          {t('secondFactor.continue')}
        </button>
      </section>
    );
  }
  const secret = enrol.state.data?.enrolSecondFactor.secret;
  return (
    <section class="sign-in" aria-labelledby="enrol-title">
      <h1 id="enrol-title">{t('secondFactor.enrolTitle')}</h1>
      <p>{t('secondFactor.enrolIntro')}</p>
      {secret ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void confirm.run(() => ({ input: { code } }));
          }}
        >
          <p>
            {t('secondFactor.secret')}: <code class="secret">{secret}</code>
          </p>
          <Field
            label={t('secondFactor.code')}
            name="code"
            inputMode="numeric"
            autocomplete="one-time-code"
            required
            value={code}
            onInput={(event) => setCode(event.currentTarget.value)}
          />
          {confirm.state.error && (
            <p class="notice error" role="alert">
              {t('secondFactor.failed')}
            </p>
          )}
          <button type="submit" class="primary" disabled={confirm.state.pending}>
            {t('secondFactor.submit')}
          </button>
        </form>
      ) : (
        <>
          <ErrorText error={enrol.state.error} />
          <button type="button" class="primary" onClick={() => void enrol.run(() => ({}))}>
            {t('secondFactor.enrolTitle')}
          </button>
        </>
      )}
    </section>
  );
}
