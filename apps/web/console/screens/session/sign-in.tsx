import { ApiErrorCode } from '@albergue/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import type { ActError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { EmailField, PasswordField } from '../../ui/credential-fields.js';
import { SecondFactor } from './second-factor.js';
import { submitted } from '../../ui/handlers.js';

/**
 * Email and password, then whatever second step the session owes. `ended`: the server ended a
 * session that was working; the form says so and the screen behind it keeps what was typed.
 */
export function SignIn({ ended = false }: { ended?: boolean }) {
  const t = useT();
  const { session, router } = useConsole();
  const [email, setEmail] = useState(session.me.value?.email ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ActError>();
  const [pending, setPending] = useState(false);
  // Over an ended session the dialog takes the focus, on the password (the email is kept).
  useEffect(() => {
    if (ended) {
      document.querySelector<HTMLInputElement>('.overlay input[name=password]')?.focus();
    }
  }, [ended]);
  if (session.state.value === 'secondFactor') {
    return <SecondFactor />;
  }
  const submit = submitted(async () => {
    setPending(true);
    const refused = await session.signIn(email, password);
    setPending(false);
    setPassword('');
    setError(refused);
  });
  return (
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {ended && (
        <p class="notice warning" role="alert">
          {t('signIn.ended')}
        </p>
      )}
      <form onSubmit={submit}>
        <EmailField label={t('signIn.email')} name="email" value={email} onValue={setEmail} />
        <PasswordField
          label={t('signIn.password')}
          name="password"
          value={password}
          onValue={setPassword}
          current
        />
        {error?.code === ApiErrorCode.UNAUTHENTICATED ? (
          <p class="notice error" role="alert">
            {t('signIn.failed')}
          </p>
        ) : (
          <ErrorText error={error} />
        )}
        <button type="submit" class="primary" disabled={pending}>
          {pending ? t('common.working') : t('signIn.submit')}
        </button>
      </form>
      {!ended && (
        <ul class="links">
          <li>
            <a href={router.href('/reset')}>{t('signIn.resetLink')}</a>
          </li>
          <li>
            <a href={router.href('/setup')}>{t('signIn.setupLink')}</a>
          </li>
        </ul>
      )}
    </section>
  );
}
