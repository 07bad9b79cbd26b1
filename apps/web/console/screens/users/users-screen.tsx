import type { ConsoleKey } from '@albergue/i18n';
import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import { nameInItself } from '../../core/format.js';
import { type ActError, actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { submitted } from '../../ui/handlers.js';
import { ResetToken } from './reset-token.js';
import { SelectField } from './select-field.js';
import {
  AdminUsers,
  type AdminUserView,
  CreateUser,
  NETWORK_ROLES,
  type NetworkRoleName,
  USER_LANGUAGES,
} from './user-documents.js';
import { usersMatching } from './user-search.js';

/** The admin's list of people: searchable on the page, each a way to their page; a new account. */
export function UsersScreen() {
  const t = useT();
  const [result, refetch] = useQuery({ query: AdminUsers });
  const [typed, setTyped] = useState('');
  const users = result.data?.users;
  const shown = users ? usersMatching(users, typed) : [];
  return (
    <section aria-labelledby="users-title" class="users">
      <h1 id="users-title">{t('users.title')}</h1>
      <NewUser onMade={() => refetch({ requestPolicy: 'network-only' })} />
      <h2 id="users-list-title">{t('users.list')}</h2>
      <div role="search" aria-label={t('users.search')}>
        <Field
          label={t('users.search')}
          name="userSearch"
          type="search"
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
      </div>
      {!users ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : (
        <>
          <p class="hint" role="status">
            {t('users.count', { n: shown.length })}
          </p>
          <ul class="cards user-list" aria-labelledby="users-list-title">
            {shown.map((user) => (
              <UserCard key={user.id} user={user} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function UserCard({ user }: { user: AdminUserView }) {
  const t = useT();
  const { router } = useConsole();
  return (
    <li data-user-id={user.id} class={user.active ? 'user' : 'user inactive'}>
      <a class="card-link" href={router.href(`/admin/users/${user.id}`)}>
        <strong class="user-name">{user.displayName}</strong>
        <span class="user-email">{user.email}</span>
        <span class="user-state">{t(user.active ? 'users.active' : 'users.inactive')}</span>
        {user.networkRole && <span class="user-network-role">{t(`role.${user.networkRole}`)}</span>}
        {user.serviceIds.length > 0 && (
          <span class="user-services">
            {t('healthAdmin.user.staffOf', { n: user.serviceIds.length })}
          </span>
        )}
        {user.memberships.length === 0 ? (
          user.serviceIds.length === 0 && <span class="hint">{t('users.noMemberships')}</span>
        ) : (
          <span class="user-memberships">
            {user.memberships
              .map((each) =>
                t('users.membership', { shelter: each.shelterName, role: t(`role.${each.role}`) }),
              )
              .join(' · ')}
          </span>
        )}
      </a>
    </li>
  );
}

/** EMAIL_TAKEN is the one refusal an admin can act on here: say it in words. */
function createError(t: (key: ConsoleKey) => string, error: ActError | undefined) {
  if (error?.reason === 'EMAIL_TAKEN') {
    return (
      <p class="notice error" role="alert">
        {t('users.emailTaken')}
      </p>
    );
  }
  return <ErrorText error={error} />;
}

function NewUser({ onMade }: { onMade(): void }) {
  const t = useT();
  const { router } = useConsole();
  const create = useAct(CreateUser);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [preferredLanguage, setLanguage] = useState('es');
  const [networkRole, setNetworkRole] = useState<'' | NetworkRoleName>('');
  const made = create.state.data?.createUser;
  return (
    <section aria-labelledby="new-user-title" class="new-user">
      <h2 id="new-user-title">{t('users.new')}</h2>
      <form
        onSubmit={submitted(async () => {
          const done = await create.run((requestId) => ({
            input: {
              requestId,
              displayName: displayName.trim(),
              email: email.trim(),
              preferredLanguage,
              networkRole: networkRole || null,
            },
          }));
          if (done.data) {
            setDisplayName('');
            setEmail('');
            setNetworkRole('');
            onMade();
          }
        })}
      >
        <Field
          label={t('users.displayName')}
          name="displayName"
          required
          maxLength={120}
          value={displayName}
          onInput={(event) => setDisplayName(event.currentTarget.value)}
        />
        <Field
          label={t('users.email')}
          name="email"
          type="email"
          required
          maxLength={200}
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <SelectField
          label={t('users.language')}
          name="preferredLanguage"
          value={preferredLanguage}
          onValue={setLanguage}
        >
          {USER_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {nameInItself(code)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('users.networkRole')}
          name="networkRole"
          value={networkRole}
          onValue={(value) => setNetworkRole(value as '' | NetworkRoleName)}
        >
          <option value="">{t('users.networkRole.none')}</option>
          {NETWORK_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </SelectField>
        {createError(t, create.state.error)}
        <button type="submit" class="primary" disabled={create.state.pending}>
          {create.state.pending ? t('common.working') : t('users.create')}
        </button>
      </form>
      {made && (
        <div class="made" data-user-id={made.id}>
          <p class="notice success" role="status">
            {t('users.made', { name: made.displayName })}{' '}
            <a href={router.href(`/admin/users/${made.id}`)}>{t('users.open')}</a>
          </p>
          <ResetToken key={made.id} userId={made.id} name={made.displayName} />
        </div>
      )}
    </section>
  );
}
