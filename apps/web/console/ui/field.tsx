import type { InputHTMLAttributes } from 'preact';
import { useId } from 'preact/hooks';

/** A labelled input: the label above, full width, 44 px tall (a thumb on a phone). */
export function Field({
  label,
  hint,
  ...input
}: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {/* No form history unless a field asks for it (email, passwords): the browser must never
          offer one person's details while staff type another's. */}
      <input
        id={id}
        autocomplete="off"
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
