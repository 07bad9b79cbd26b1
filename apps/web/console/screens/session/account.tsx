import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import { graphql } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import { PasswordField } from '../../ui/credential-fields.js';
import { submitted } from '../../ui/handlers.js';

const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

/** Who I am here (roles per shelter) and my password. */
export function Account() {
  const t = useT();
  const { session } = useConsole();
  const change = useAct(ChangePassword);
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const me = session.me.value!;
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <p>
        {me.displayName} · {me.email}
      </p>
      <h2>{t('account.roles')}</h2>
      <ul>
        {me.networkRole && <li>{t(`role.${me.networkRole}`)}</li>}
        {me.memberships.map((membership) => (
          <li key={membership.shelterId}>
            {membership.shelterName}: {t(`role.${membership.role}`)}
          </li>
        ))}
      </ul>
      <form
        onSubmit={submitted(async () => {
          const answer = await change.run(() => ({ input: { currentPassword, newPassword } }));
          if (!answer.error) {
            setCurrent('');
            setNew('');
          }
        })}
      >
        <h2>{t('account.change')}</h2>
        <PasswordField
          label={t('account.current')}
          name="currentPassword"
          value={currentPassword}
          onValue={setCurrent}
          current
        />
        <PasswordField
          label={t('account.new')}
          name="newPassword"
          value={newPassword}
          onValue={setNew}
        />
        <ErrorText error={change.state.error} />
        {change.state.data?.changePassword && (
          <p class="notice success" role="status">
            {t('account.changed')}
          </p>
        )}
        <button type="submit" class="primary" disabled={change.state.pending}>
          {t('account.change')}
        </button>
      </form>
    </section>
  );
}
