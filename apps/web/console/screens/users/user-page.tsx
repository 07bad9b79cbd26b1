import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import { nameInItself } from '../../core/format.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { clicked, submitted } from '../../ui/handlers.js';
import { Confirmed } from '../residents/confirm.js';
import { ResetToken } from './reset-token.js';
import { SelectField } from './select-field.js';
import { ServiceMemberships } from './service-memberships.js';
import {
  AdminShelterNames,
  AdminUser,
  type AdminUserView,
  EndAllSessions,
  NETWORK_ROLES,
  type NetworkRoleName,
  RemoveMembership,
  ResetSecondFactor,
  SetMembership,
  SHELTER_ROLES,
  type ShelterRoleName,
  UpdateUser,
  USER_LANGUAGES,
} from './user-documents.js';

/** One person's account, as an admin keeps it: details, roles, password, sessions, on or off. */
export function UserPage({ userId }: { userId: string }) {
  const t = useT();
  const { router, session } = useConsole();
  const [result, refetch] = useQuery({ query: AdminUser, variables: { id: userId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const user = result.data?.user;
  // One's own account: no switch here that could lock its admin out (another admin has them).
  const self = session.me.value?.id === userId;
  if (!user) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  return (
    <section aria-labelledby="user-title" class="user-page" data-user-id={user.id}>
      <p>
        <a href={router.href('/admin/users')}>{t('users.back')}</a>
      </p>
      <h1 id="user-title">{user.displayName}</h1>
      <p class="user-email">{user.email}</p>
      <p class={`user-state ${user.active ? 'active' : 'inactive'}`}>
        <strong>{t(user.active ? 'users.active' : 'users.inactive')}</strong>
      </p>
      <ul class="links">
        <li>
          <a class="audit-by" href={router.href(`/admin/audit/actor/${user.id}`)}>
            {t('users.auditBy')}
          </a>
        </li>
        <li>
          <a class="audit-about" href={router.href(`/admin/audit/target/${user.id}`)}>
            {t('users.auditAbout')}
          </a>
        </li>
      </ul>
      <Details key={user.id} user={user} self={self} onDone={refresh} />
      <Memberships user={user} onDone={refresh} />
      <ServiceMemberships user={user} onDone={refresh} />
      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('users.reset.title')}</h2>
        <ResetToken userId={user.id} name={user.displayName} />
      </section>
      <Access user={user} self={self} onDone={refresh} />
    </section>
  );
}

function Details({ user, self, onDone }: { user: AdminUserView; self: boolean; onDone(): void }) {
  const t = useT();
  const update = useAct(UpdateUser);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [preferredLanguage, setLanguage] = useState(user.preferredLanguage);
  const [networkRole, setNetworkRole] = useState<'' | NetworkRoleName>(user.networkRole ?? '');
  const granted = networkRole !== '' && networkRole !== user.networkRole;
  // Taking a network role away is grave (the network view, or administration, goes): said first.
  const revoked = !self && networkRole === '' && !!user.networkRole;
  const save = async () => {
    const done = await update.run(() => ({
      id: user.id,
      input: self
        ? { displayName: displayName.trim(), preferredLanguage }
        : { displayName: displayName.trim(), preferredLanguage, networkRole: networkRole || null },
    }));
    if (done.data) {
      onDone();
    }
  };
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{t('users.details')}</h2>
      <form class="user-details" onSubmit={submitted(save)}>
        <Field
          label={t('users.displayName')}
          name="displayName"
          required
          maxLength={120}
          value={displayName}
          onInput={(event) => setDisplayName(event.currentTarget.value)}
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
        {self ? (
          <p class="hint">{t('users.self')}</p>
        ) : (
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
        )}
        {granted && (
          <p class="notice warning" role="status">
            {t('users.networkRole.granted')}
          </p>
        )}
        <ErrorText error={update.state.error} />
        {update.state.data && !update.state.pending && (
          <p class="notice success" role="status">
            {t('users.saved')}
          </p>
        )}
        {revoked ? (
          <Confirmed
            label={t('common.save')}
            explanation={t('users.networkRole.revoke', {
              name: user.displayName,
              role: t(`role.${user.networkRole!}`),
            })}
            yes={t('users.networkRole.revoke.yes')}
            pending={update.state.pending}
            danger
            onYes={clicked(save)}
          />
        ) : (
          <button type="submit" class="primary" disabled={update.state.pending}>
            {update.state.pending ? t('common.working') : t('common.save')}
          </button>
        )}
      </form>
    </section>
  );
}

function Memberships({ user, onDone }: { user: AdminUserView; onDone(): void }) {
  const t = useT();
  const [shelters] = useQuery({ query: AdminShelterNames });
  const set = useAct(SetMembership);
  const [shelterId, setShelterId] = useState('');
  const [role, setRole] = useState<ShelterRoleName>('VOLUNTEER');
  const taken = new Set(user.memberships.map((each) => each.shelterId));
  const choices = (shelters.data?.shelters ?? [])
    .filter((shelter) => !taken.has(shelter.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="memberships-title">
      <h2 id="memberships-title">{t('users.memberships')}</h2>
      {user.memberships.length === 0 ? (
        <p class="hint">{t('users.noMemberships')}</p>
      ) : (
        <ul class="cards memberships">
          {user.memberships.map((membership) => (
            <MembershipRow
              key={`${membership.shelterId}-${membership.role}`}
              userId={user.id}
              membership={membership}
              onDone={onDone}
            />
          ))}
        </ul>
      )}
      <h3 id="add-membership-title">{t('users.addMembership')}</h3>
      {shelters.error && <ErrorText error={actError(shelters.error)} />}
      <form
        class="add-membership"
        aria-labelledby="add-membership-title"
        onSubmit={submitted(async () => {
          if (!shelterId) {
            return;
          }
          const done = await set.run(() => ({ input: { userId: user.id, shelterId, role } }));
          if (done.data) {
            setShelterId('');
            onDone();
          }
        })}
      >
        <SelectField
          label={t('users.shelter')}
          name="shelterId"
          value={shelterId}
          onValue={setShelterId}
        >
          <option value="">{t('users.shelter.pick')}</option>
          {choices.map((shelter) => (
            <option key={shelter.id} value={shelter.id}>
              {shelter.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('users.role')}
          name="role"
          value={role}
          onValue={(value) => setRole(value as ShelterRoleName)}
        >
          {SHELTER_ROLES.map((each) => (
            <option key={each} value={each}>
              {t(`role.${each}`)}
            </option>
          ))}
        </SelectField>
        <ErrorText error={set.state.error} />
        <button type="submit" class="primary" disabled={set.state.pending || !shelterId}>
          {set.state.pending ? t('common.working') : t('users.addMembership')}
        </button>
      </form>
    </section>
  );
}

function MembershipRow({
  userId,
  membership,
  onDone,
}: {
  userId: string;
  membership: AdminUserView['memberships'][number];
  onDone(): void;
}) {
  const t = useT();
  const set = useAct(SetMembership);
  const remove = useAct(RemoveMembership);
  const [role, setRole] = useState<ShelterRoleName>(membership.role);
  const { shelterId, shelterName } = membership;
  return (
    <li class="membership" data-shelter-id={shelterId}>
      <p>
        <strong>{shelterName}</strong>: {t(`role.${membership.role}`)}
      </p>
      <form
        onSubmit={submitted(async () => {
          const done = await set.run(() => ({ input: { userId, shelterId, role } }));
          if (done.data) {
            onDone();
          }
        })}
      >
        <SelectField
          label={t('users.roleAt', { shelter: shelterName })}
          name="role"
          value={role}
          onValue={(value) => setRole(value as ShelterRoleName)}
        >
          {SHELTER_ROLES.map((each) => (
            <option key={each} value={each}>
              {t(`role.${each}`)}
            </option>
          ))}
        </SelectField>
        <ErrorText error={set.state.error} />
        <div class="actions">
          <button type="submit" disabled={set.state.pending || role === membership.role}>
            {set.state.pending ? t('common.working') : t('users.changeRole')}
          </button>
          <Confirmed
            label={t('users.removeMembership')}
            explanation={t('users.removeMembership.explain', { shelter: shelterName })}
            yes={t('users.removeMembership.yes')}
            pending={remove.state.pending}
            danger
            onYes={clicked(async () => {
              const done = await remove.run(() => ({ userId, shelterId }));
              if (done.data) {
                onDone();
              }
            })}
          />
        </div>
        <ErrorText error={remove.state.error} />
      </form>
    </li>
  );
}

/** Sessions, second factor and the account's being on or off: each grave act said before. */
function Access({ user, self, onDone }: { user: AdminUserView; self: boolean; onDone(): void }) {
  const t = useT();
  const end = useAct(EndAllSessions);
  const secondFactor = useAct(ResetSecondFactor);
  const update = useAct(UpdateUser);
  const ended = end.state.data?.endAllSessions;
  const setActive = (active: boolean) =>
    update
      .run(() => ({ id: user.id, input: { active } }))
      .then((done) => {
        if (done.data) {
          onDone();
        }
      });
  return (
    <section aria-labelledby="access-title" class="access">
      <h2 id="access-title">{t('users.access')}</h2>
      <Confirmed
        label={t('users.endSessions')}
        explanation={t('users.endSessions.explain', { name: user.displayName })}
        yes={t('users.endSessions.yes')}
        pending={end.state.pending}
        danger
        onYes={clicked(() => end.run(() => ({ userId: user.id })))}
      />
      {ended !== undefined && (
        <p class="notice success sessions-ended" role="status">
          {t('users.endSessions.done', { n: ended })}
        </p>
      )}
      <ErrorText error={end.state.error} />
      {user.networkRole && (
        <>
          <Confirmed
            label={t('users.secondFactor')}
            explanation={t('users.secondFactor.explain', { name: user.displayName })}
            yes={t('users.secondFactor.yes')}
            pending={secondFactor.state.pending}
            danger
            onYes={clicked(() => secondFactor.run(() => ({ userId: user.id })))}
          />
          {secondFactor.state.data?.resetSecondFactor && (
            <p class="notice success" role="status">
              {t('users.secondFactor.done')}
            </p>
          )}
          <ErrorText error={secondFactor.state.error} />
        </>
      )}
      {self ? null : user.active ? (
        <Confirmed
          label={t('users.deactivate')}
          explanation={t('users.deactivate.explain', { name: user.displayName })}
          yes={t('users.deactivate.yes')}
          pending={update.state.pending}
          danger
          onYes={clicked(() => setActive(false))}
        />
      ) : (
        <>
          <p class="hint">{t('users.inactive.explain')}</p>
          <button
            type="button"
            class="reactivate"
            disabled={update.state.pending}
            onClick={clicked(() => setActive(true))}
          >
            {update.state.pending ? t('common.working') : t('users.reactivate')}
          </button>
        </>
      )}
      <ErrorText error={update.state.error} />
    </section>
  );
}
