import { useId } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useT } from '../../core/context.js';
import { ErrorText } from '../../ui/error-text.js';
import { clicked } from '../../ui/handlers.js';
import { CreatePasswordReset } from './user-documents.js';
import { resetLink } from './user-search.js';

/**
 * A one-time token for the person to choose a password (their first, or a new one), shown this
 * once with the console's address that fills it in: the admin hands it over (no email server).
 * Leaving the screen forgets it; a new one makes the earlier ones stop working.
 */
export function ResetToken({ userId, name }: { userId: string; name: string }) {
  const t = useT();
  const id = useId();
  const create = useAct(CreatePasswordReset);
  const token = create.state.data?.createPasswordReset;
  return (
    <div class="reset-token">
      <p class="hint">{t('users.reset.explain')}</p>
      <button
        type="button"
        class="make-reset-token"
        disabled={create.state.pending}
        onClick={clicked(() => create.run(() => ({ userId })))}
      >
        {create.state.pending ? t('common.working') : t('users.reset.make')}
      </button>
      <ErrorText error={create.state.error} />
      {token && (
        <div class="notice success token-shown" role="status">
          <p>
            <strong>{t('users.reset.once', { name })}</strong>
          </p>
          <div class="field">
            <label for={`${id}-link`}>{t('users.reset.link')}</label>
            <textarea
              rows={3}
              id={`${id}-link`}
              name="resetLink"
              readOnly
              value={resetLink(location.origin, token)}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <div class="field">
            <label for={`${id}-token`}>{t('users.reset.token')}</label>
            <input
              id={`${id}-token`}
              name="resetToken"
              readOnly
              value={token}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
        </div>
      )}
    </div>
  );
}
