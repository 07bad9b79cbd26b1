import { useEffect, useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import { graphql } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import { EmailField, PasswordField, TokenField } from '../../ui/credential-fields.js';
import { Field } from '../../ui/field.js';
import { submitted } from '../../ui/handlers.js';

const ResetPassword = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

const CompleteSetup = graphql(`
  mutation CompleteSetup($input: CompleteSetupInput!) {
    completeSetup(input: $input) {
      id
    }
  }
`);

/** The password behind a one-time token an admin handed over (`?token=` fills it in). */
export function ResetPasswordForm() {
  const t = useT();
  const { router } = useConsole();
  const reset = useAct(ResetPassword);
  const [token, setToken] = useState(new URLSearchParams(location.search).get('token') ?? '');
  // Read once, then out of the address bar and the history of a shared laptop.
  useEffect(() => {
    if (new URLSearchParams(location.search).has('token')) {
      history.replaceState(null, '', location.pathname);
    }
  }, []);
  const [newPassword, setNewPassword] = useState('');
  if (reset.state.data?.resetPassword) {
    return <Done text={t('reset.done')} />;
  }
  return (
    <section class="sign-in" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.title')}</h1>
      <form onSubmit={submitted(() => reset.run(() => ({ input: { token, newPassword } })))}>
        <TokenField label={t('reset.token')} value={token} onValue={setToken} />
        <PasswordField
          label={t('reset.newPassword')}
          name="newPassword"
          value={newPassword}
          onValue={setNewPassword}
        />
        <ErrorText error={reset.state.error} />
        <button type="submit" class="primary" disabled={reset.state.pending}>
          {t('reset.submit')}
        </button>
      </form>
      <p>
        <a href={router.href('/')}>{t('account.back')}</a>
      </p>
    </section>
  );
}

/** The first admin, with the setup token the server printed at its first start. */
export function SetupForm() {
  const t = useT();
  const { router } = useConsole();
  const setup = useAct(CompleteSetup);
  const [token, setToken] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  if (setup.state.data) {
    return <Done text={t('setup.done')} />;
  }
  return (
    <section class="sign-in" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <form
        onSubmit={submitted(() =>
          setup.run(() => ({ input: { token, displayName, email, password } })),
        )}
      >
        <TokenField label={t('setup.token')} value={token} onValue={setToken} />
        <Field
          label={t('setup.name')}
          name="displayName"
          autocomplete="name"
          required
          value={displayName}
          onInput={(event) => setDisplayName(event.currentTarget.value)}
        />
        <EmailField label={t('signIn.email')} name="email" value={email} onValue={setEmail} />
        <PasswordField
          label={t('reset.newPassword')}
          name="password"
          value={password}
          onValue={setPassword}
        />
        <ErrorText error={setup.state.error} />
        <button type="submit" class="primary" disabled={setup.state.pending}>
          {t('setup.submit')}
        </button>
      </form>
      <p>
        <a href={router.href('/')}>{t('account.back')}</a>
      </p>
    </section>
  );
}

function Done({ text }: { text: string }) {
  const t = useT();
  const { router } = useConsole();
  return (
    <section class="sign-in">
      <p class="notice success" role="status">
        {text}
      </p>
      <a class="button primary" href={router.href('/')}>
        {t('signIn.title')}
      </a>
    </section>
  );
}
