import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { useT } from '../../core/context.js';

/**
 * A grave act behind a second step that says what will happen: the first button only opens the
 * explanation; the act runs from the "yes" beside it, and "cancel" closes it unharmed.
 */
export function Confirmed({
  label,
  explanation,
  yes,
  pending,
  danger = false,
  onYes,
  open: shown,
  onOpen,
  children,
}: {
  label: string;
  explanation: string;
  yes: string;
  pending: boolean;
  danger?: boolean;
  onYes(): void;
  /** Held by the caller (when it must close it itself), with `onOpen`; else held here. */
  open?: boolean;
  onOpen?(open: boolean): void;
  children?: ComponentChildren;
}) {
  const t = useT();
  const id = useId();
  const [own, setOwn] = useState(false);
  const open = shown ?? own;
  const setOpen = onOpen ?? setOwn;
  return (
    <div class="confirmed">
      <button
        type="button"
        class={danger ? 'danger' : undefined}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <div id={id} class="confirm" role="group" aria-label={label}>
          <p>{explanation}</p>
          <div class="actions">
            <button
              type="button"
              class={danger ? 'danger' : 'primary'}
              disabled={pending}
              onClick={() => {
                onYes();
                setOpen(false);
              }}
            >
              {pending ? t('common.working') : yes}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {children}
    </div>
  );
}
