import { useT } from '../../core/context.js';
import { ErrorText } from '../../ui/error-text.js';

export type Errorish = Parameters<typeof ErrorText>[0]['error'];

/** What an admin form (new or editing) is given by its screen. */
export interface AdminFormProps<F> {
  initial: F;
  editing?: boolean;
  pending: boolean;
  error: Errorish;
  onSend(form: F): Promise<void>;
}

/** The end of an admin form: the refusal, if any, and the one button (create, or save). */
export function FormActions({
  error,
  pending,
  editing,
  createLabel,
}: {
  error: Errorish;
  pending: boolean;
  editing: boolean;
  createLabel: string;
}) {
  const t = useT();
  return (
    <>
      <ErrorText error={error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={pending}>
          {pending ? t('common.working') : editing ? t('common.save') : createLabel}
        </button>
      </div>
    </>
  );
}
